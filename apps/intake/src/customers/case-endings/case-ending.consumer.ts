import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { readerFor, workflowLanguage, type CollabEvent } from '@collab/contracts';
import { deterministicEventId } from '@collab/event-store';
import type { CaseEnding, RecordCaseEnded, RecordCaseReopened } from '@collab/intake-domain';
import { EVENT_CONSUMER, type EventConsumerPort, type RunningConsumer } from '@collab/messaging';
import { CaseBook } from '../../cases/case-book';
import { CustomerOpenCases } from '../customer-open-cases';

const workflow = readerFor(workflowLanguage, { only: ['CaseClosed', 'CaseCancelled', 'CaseReopened'] });

type CaseFate =
  | { readonly kind: 'ended'; readonly caseId: string; readonly ending: CaseEnding; readonly at: string }
  | { readonly kind: 'reopened'; readonly caseId: string; readonly at: string };

const fateOf = (event: CollabEvent): CaseFate | undefined => {
  const message = workflow.read(event);
  if (message === undefined) return undefined;
  switch (message.type) {
    case 'CaseClosed':
      return { kind: 'ended', caseId: message.data.caseId, ending: 'CLOSED', at: message.data.closedAt };
    case 'CaseCancelled':
      return {
        kind: 'ended',
        caseId: message.data.caseId,
        ending: 'CANCELLED',
        at: message.data.cancelledAt,
      };
    case 'CaseReopened':
      return { kind: 'reopened', caseId: message.data.caseId, at: message.data.reopenedAt };
  }
};

const CONSUMER = 'intake.customer-case-endings';

/**
 * Tells each customer's stream when workflow closed, cancelled or reopened one of their cases, so
 * contact placement stops (or resumes) joining contacts to it. Not through the ProcessedEvents
 * inbox: the effect is an event-store append, which no SQL transaction can hold together with the
 * inbox row (and in embedded mode, a transaction held across an append would wait on itself).
 * The customer decider makes it idempotent instead: it keeps the workflow stream version of the
 * last report per case, so a redelivered or older report appends nothing, and the event ids derive
 * from workflow's event id.
 */
@Injectable()
export class CaseEndingConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('CaseEndings');
  private consumer?: RunningConsumer;

  constructor(
    @Inject(EVENT_CONSUMER) private readonly events: EventConsumerPort,
    private readonly cases: CaseBook,
    private readonly customers: CustomerOpenCases,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.events.consume({
      consumerName: CONSUMER,
      source: 'workflow',
      handle: (event) => this.on(event),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }

  async on(event: CollabEvent): Promise<void> {
    const fate = fateOf(event);
    if (fate === undefined) return;
    const { state } = await this.cases.load(fate.caseId);
    // Workflow only knows cases intake opened; a case missing here would be a lost intake log, not a retryable failure.
    if (state.status !== 'open')
      return this.logger.warn(`workflow reported case ${fate.caseId}, which intake never opened`);
    const { customerId, category } = state.opened;
    const workflowVersion = event.streamversion;
    const command: RecordCaseEnded | RecordCaseReopened =
      fate.kind === 'ended'
        ? {
            type: 'RecordCaseEnded',
            customerId,
            caseId: fate.caseId,
            ending: fate.ending,
            endedAt: fate.at,
            workflowVersion,
          }
        : {
            type: 'RecordCaseReopened',
            customerId,
            caseId: fate.caseId,
            category,
            reopenedAt: fate.at,
            workflowVersion,
          };
    await this.customers.record({
      command,
      metadata: {
        correlationId: event.correlationid,
        causationId: event.id,
        actor: { id: CONSUMER, kind: 'service' },
      },
      eventIdFor: (index) => deterministicEventId(event.id, `${CONSUMER}/${index}`),
    });
  }
}
