import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { deterministicEventId, reactionMetadata } from '@collab/event-store';
import { EVENT_CONSUMER, type EventConsumerPort, type RunningConsumer } from '@collab/messaging';
import { IllegalTransition } from '@collab/domain-kernel';
import { intakeLanguage, readerFor, type CollabEvent } from '@collab/contracts';
import { CLOCK, type Clock } from '@collab/service-kit';
import type { WorkflowCaseCommand } from '@collab/workflow-domain';
import { CaseCommandHandler } from '../case-command-handler';
import { caseSummaryOf, submitterOf } from './case-opened';
import { CustomerTagReader } from '../customer-tags/customer-tags.consumer';
import { CaseProcessStarts } from './case-process-start';

const ROUTER = { id: 'workflow.route-case', kind: 'service' } as const;

const intake = readerFor(intakeLanguage, { only: ['CaseOpened'] });

/**
 * On every case intake opens, workflow registers it, starts it on the process version its facts
 * call for (PROCESS_CATALOGUE) with its first due times, and routes it by that version's rules.
 * Event ids derive from the intake event's id, so a redelivered CaseOpened appends nothing new.
 */
@Injectable()
export class RouteCaseProcessManager implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RouteCase');
  private consumer?: RunningConsumer;
  // Injected as a property: the tags are a lookup beside routing, not one of its collaborators.
  @Inject(CustomerTagReader) private readonly customerTags!: CustomerTagReader;

  constructor(
    @Inject(EVENT_CONSUMER) private readonly events: EventConsumerPort,
    private readonly cases: CaseCommandHandler,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly processStarts: CaseProcessStarts,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.events.consume({
      consumerName: 'workflow.route-case',
      source: 'intake',
      handle: (event) => this.on(event),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }

  async on(event: CollabEvent): Promise<void> {
    const message = intake.read(event);
    if (message?.type !== 'CaseOpened') return;
    const opened = message.data;
    const summary = caseSummaryOf(opened);
    const tier = opened.requester.tier === undefined ? {} : { customerTier: opened.requester.tier };
    const process = await this.processStarts.for({ ...summary, ...tier });
    // The tags workflow has heard of when the case arrives: a tag data has not published yet does not route it.
    const customerTags = await this.customerTags.tagsOf(opened.customerId);
    const command: WorkflowCaseCommand = { type: 'RegisterAndRouteCase', summary, process, ...tier, customerTags };
    try {
      await this.cases.handle(command, { now: this.clock.now() }, {
        // Registered by this service on behalf of whoever submitted the contact: the history names them.
        metadata: reactionMetadata({ id: event.id, metadata: { correlationId: event.correlationid, actor: submitterOf(event.actor, opened) } }, ROUTER),
        eventIdFor: (_routed, index) => deterministicEventId(event.id, `route-case/${index}`),
      });
    } catch (error) {
      // A redelivery after the case was routed: the idempotent append already holds, nothing to do.
      if (error instanceof IllegalTransition)
        return this.logger.debug(`case ${summary.caseId} already routed`);
      throw error;
    }
  }
}
