import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PostgresCheckpointStore, type EventStore, type RecordedEvent } from '@collab/event-store';
import { CheckpointedLogFollower, Stopping, type MessagingLogger } from '@collab/messaging';
import { DomainError } from '@collab/domain-kernel';
import { CLOCK, DATABASE, EVENT_STORE, type Clock, type Database } from '@collab/service-kit';
import { SLA_SOURCE_EVENT_TYPES } from '@collab/workflow-domain';
import { SlaClockMoves } from './sla-clock-moves';

const CHECKPOINT = 'workflow.sla-clock-keeper';

/**
 * Starts and stops the SLA clocks as the case and task streams record what was done: a process
 * manager over workflow's own log, from a checkpoint. At least once — a crash repeats the batch
 * after the last checkpoint — and every repeat is harmless: the SLA decider ignores a start or
 * stop it already made, and ids derive from the source event, so a racing repeat is an
 * idempotent append. The timer dispatcher fires only once the keeper has caught up with the log,
 * so a clock stopped before its due time is never found running by a late timer.
 */
@Injectable()
export class SlaClockKeeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SlaClockKeeper');
  private follower?: CheckpointedLogFollower;
  private handledUpTo = 0n;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATABASE) private readonly database: Database,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly moves: SlaClockMoves,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const checkpoints = new PostgresCheckpointStore({ pool: this.database.pool, schema: 'workflow' });
    await checkpoints.ensureSchema();
    this.handledUpTo = await checkpoints.load(CHECKPOINT);
    this.follower = new CheckpointedLogFollower({
      eventStore: this.store,
      checkpoints,
      checkpointName: CHECKPOINT,
      handleBatch: (batch, signal) => this.handleBatch(batch, signal),
      restartBackoff: { initialMs: 100, maxMs: 5_000 },
      logger: this.messagingLogger(),
    });
    await this.follower.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.follower?.stop();
  }

  /** Whether every event in workflow's log as it stands now has started or stopped the clocks it should. */
  async caughtUp(): Promise<boolean> {
    return this.handledUpTo >= (await this.store.headPosition());
  }

  private async handleBatch(batch: readonly RecordedEvent[], signal: AbortSignal): Promise<void> {
    for (const event of batch) {
      if (signal.aborted) throw new Stopping();
      if (SLA_SOURCE_EVENT_TYPES.has(event.type)) await this.follow(event);
    }
    const last = batch[batch.length - 1];
    // Counted before the checkpoint is saved: the clocks' events are in the store already.
    if (last) this.handledUpTo = last.position;
  }

  private async follow(event: RecordedEvent): Promise<void> {
    try {
      await this.moves.follow(event, this.clock.now());
    } catch (error) {
      // A refusal is the same on every retry: log it and go on, so one bad case never holds up every other case's clocks.
      if (!(error instanceof DomainError)) throw error;
      this.logger.error(`${event.type} ${event.id} moves no clock: ${error.message}`);
    }
  }

  private messagingLogger(): MessagingLogger {
    return {
      warn: (context, message) => this.logger.warn({ ...context, message }),
      error: (context, message) => this.logger.error({ ...context, message }),
    };
  }
}
