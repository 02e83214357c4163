import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RecordedEvent } from '@collab/event-store';
import { DomainError } from '@collab/domain-kernel';
import type { BatchTransaction, TransactionBounds } from '@collab/following';
import { CLOCK, DATABASE, LogReactor, type Clock, type Database } from '@collab/service-kit';
import { SLA_SOURCE_EVENT_TYPES } from '@collab/workflow-domain';
import { STREAM_READING_BOUNDS, streamReadingTransaction } from '../../stream-reading-transaction';
import { SlaClockMoves, firstEventIdOf } from './sla-clock-moves';

/** Its lease and checkpoint; the timer dispatcher reads the checkpoint to know what the keeper has seen. */
export const SLA_CLOCK_KEEPER = 'workflow.sla-clock-keeper';

/**
 * Starts and stops the SLA clocks as the case and task streams record what was done: a process
 * manager over workflow's own log, run under its lease, at least once from its checkpoint — and
 * every repeat is harmless: the SLA decider ignores a start or stop it already made, and ids derive
 * from the source event, so a racing repeat is an idempotent append. The timer dispatcher fires
 * only once the keeper's checkpoint has passed the head it saw, so a clock stopped before its due
 * time is never found running by a late timer.
 *
 * Distributed, a batch's reactions share one transaction (streamReadingTransaction): the SLA and
 * case streams each reaction reads are statements in it, and the checkpoint commits with them —
 * a contact's two source events (registered, routed) cost one commit of reads instead of two. The
 * appends go through the pool as before, so each is decided on a read made just before it.
 */
@Injectable()
export class SlaClockKeeper extends LogReactor {
  readonly name = SLA_CLOCK_KEEPER;
  readonly log = 'workflow';
  readonly handles = [...SLA_SOURCE_EVENT_TYPES];
  /**
   * The clocks a case's process starts are appended by the route in the same append as
   * CaseProcessStarted (RouteCaseProcessManager.slaStarts), with the ids the keeper gives them: a
   * batch that holds the first of them holds the keeper's whole reaction, so the keeper passes over
   * the event without reading the SLA and case streams to find nothing to do.
   */
  readonly witnesses = ['SlaClockStarted'];
  readonly transactionBounds: TransactionBounds = STREAM_READING_BOUNDS;
  readonly batchTransaction: BatchTransaction | undefined;
  private readonly logger = new Logger('SlaClockKeeper');

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly moves: SlaClockMoves,
    @Inject(DATABASE) database: Database,
  ) {
    super();
    this.batchTransaction = streamReadingTransaction(database);
  }

  /**
   * CaseProcessStarted calls for one command (StartCaseClocks, slaCommandsFor), appended in one
   * append whose first event's id derives from the source: once that event is in the log, the
   * reaction is made. Other events are reacted to (a stop, say, is reacted to once more on redelivery).
   */
  doneIn(events: readonly RecordedEvent[], witnessed: readonly RecordedEvent[]): ReadonlySet<string> {
    const inLog = new Set(witnessed.map((event) => event.id));
    return new Set(events.filter((event) => event.type === 'CaseProcessStarted' && inLog.has(firstEventIdOf(event, 0))).map((event) => event.id));
  }

  async react(event: RecordedEvent): Promise<void> {
    try {
      await this.moves.follow(event, this.clock.now());
    } catch (error) {
      // A refusal is the same on every retry: log it and go on, so one bad case never holds up every other case's clocks.
      if (!(error instanceof DomainError)) throw error;
      this.logger.error(`${event.type} ${event.id} moves no clock: ${error.message}`);
    }
  }
}
