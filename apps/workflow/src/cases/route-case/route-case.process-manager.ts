import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { EventIdConflict, deterministicEventId, reactionMetadata, type RecordedEvent, type StreamAppend } from '@collab/event-store';
import { EVENT_CONSUMER, type EventConsumerPort, type RunningConsumer } from '@collab/messaging';
import { IllegalTransition } from '@collab/domain-kernel';
import { intakeLanguage, readerFor, type CollabEvent } from '@collab/contracts';
import { CLOCK, type Clock } from '@collab/service-kit';
import { SLA_SOURCE_EVENT_TYPES, workflowCaseDecider, type WorkflowCaseCommand, type WorkflowCaseState } from '@collab/workflow-domain';
import { SlaClockMoves } from '../../sla/clock-keeper/sla-clock-moves';
import { CaseCommandHandler } from '../case-command-handler';
import { caseSummaryOf, submitterOf } from './case-opened';
import { CustomerTagReader } from '../customer-tags/customer-tags.consumer';
import { CaseProcessStarts } from './case-process-start';

const ROUTER = { id: 'workflow.route-case', kind: 'service' } as const;

/**
 * Cases of one partition's fetched batch routed at once. Each routing waits on a few round trips
 * (tags, the append); one case at a time, a partition was worked off at one routing's latency and a
 * backlog built under load. Routings of distinct cases touch only their own streams, and appends
 * arriving together share the store's group commit. 8 per partition (3 by default) stays within
 * the service's pool of 16 beside its requests and projections.
 */
const CASES_ROUTED_AT_ONCE = 8;

const intake = readerFor(intakeLanguage, { only: ['CaseOpened'] });

/** A case workflow has not heard of: nothing in its stream. */
const newCase = (): { state: WorkflowCaseState; version: number } => ({ state: workflowCaseDecider.initialState(), version: 0 });

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
  @Inject(SlaClockMoves) private readonly slaMoves!: SlaClockMoves;

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
      // Keyed by the intake stream: one case's events stay in order; other cases' overlap.
      concurrentKeys: CASES_ROUTED_AT_ONCE,
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
    const now = this.clock.now();
    const source = {
      // Registered by this service on behalf of whoever submitted the contact: the history names them.
      metadata: reactionMetadata({ id: event.id, metadata: { correlationId: event.correlationid, actor: submitterOf(event.actor, opened) } }, ROUTER),
      eventIdFor: (_routed: unknown, index: number) => deterministicEventId(event.id, `route-case/${index}`),
    };
    const route = (loaded?: { state: WorkflowCaseState; version: number }) => this.cases.handle(command, { now }, source, loaded);
    try {
      // A new case and the SLA clocks its process starts, in one append: the clock keeper, meeting
      // CaseProcessStarted, finds them started (as it would have started them) and appends nothing.
      if (await this.cases.handleNew(command, { now }, source, (recorded, state) => this.slaStarts(recorded, state, now))) return;
      try {
        // The case is new to workflow (intake opens each case once): decided on the empty stream without
        // reading it. The append expects no stream, so a stream that exists fails it and is read and decided on.
        await route(newCase());
      } catch (error) {
        // A redelivery whose events are stored already, decided then at another instant: decided on the stream as stored.
        if (!(error instanceof EventIdConflict)) throw error;
        await route();
      }
    } catch (error) {
      // A redelivery after the case was routed: the idempotent append already holds, nothing to do.
      if (error instanceof IllegalTransition)
        return this.logger.debug(`case ${summary.caseId} already routed`);
      throw error;
    }
  }

  /** The SLA clocks the keeper would start for the case's events, as one append to its new SLA stream. */
  private async slaStarts(recorded: readonly Pick<RecordedEvent, 'id' | 'type' | 'data' | 'metadata'>[], state: WorkflowCaseState, now: Date): Promise<StreamAppend | undefined> {
    const starts = recorded.filter((candidate) => SLA_SOURCE_EVENT_TYPES.has(candidate.type));
    if (starts.length !== 1) return undefined;
    return this.slaMoves.startingWith(starts[0]!, state, now);
  }
}
