import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { PostgresCheckpointStore, type EventStore, type RecordedEvent } from '@collab/event-store';
import { DomainError } from '@collab/domain-kernel';
import { CheckpointedLogFollower, Stopping, describeError, type MessagingLogger } from '@collab/messaging';
import { DATABASE, EVENT_STORE, type Database } from '@collab/service-kit';

/** Runs one reaction, letting a decider's refusal pass: it means the work was done already or is moot. */
export const passingRefusals = async (reaction: () => Promise<unknown>): Promise<void> => {
  try {
    await reaction();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
};

/**
 * A process manager over workflow's own log (not Kafka: only published types travel there). It
 * follows the log from its checkpoint in workflow.checkpoints, at least once, so each reaction must
 * be idempotent (deterministic event ids, and the deciders refuse what was done already). A
 * refusal by a decider will never succeed on a retry: it is logged and passed; any other failure
 * stops the batch, and the follower resumes from the checkpoint after a backoff.
 */
@Injectable()
export abstract class WorkflowLogReactor implements OnApplicationBootstrap, OnModuleDestroy {
  protected abstract readonly checkpointName: string;
  protected readonly logger = new Logger(this.constructor.name);
  private follower?: CheckpointedLogFollower;
  // Injected as properties, so a subclass's constructor names only what its reactions need.
  @Inject(EVENT_STORE) private readonly store!: EventStore;
  @Inject(DATABASE) private readonly database!: Database;

  /** Reacts to one event of workflow's log; events it does not care about pass. */
  protected abstract react(event: RecordedEvent): Promise<void>;

  async onApplicationBootstrap(): Promise<void> {
    const checkpoints = new PostgresCheckpointStore({ pool: this.database.pool, schema: 'workflow' });
    await checkpoints.ensureSchema();
    const log: MessagingLogger = {
      warn: (context, message) => this.logger.warn(`${message} ${JSON.stringify(context)}`),
      error: (context, message) => this.logger.error(`${message} ${JSON.stringify(context)}`),
    };
    this.follower = new CheckpointedLogFollower({
      eventStore: this.store,
      checkpoints,
      checkpointName: this.checkpointName,
      handleBatch: (batch, signal) => this.handleBatch(batch, signal),
      restartBackoff: { initialMs: 200, maxMs: 5_000 },
      logger: log,
    });
    await this.follower.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.follower?.stop();
  }

  private async handleBatch(batch: readonly RecordedEvent[], signal: AbortSignal): Promise<void> {
    for (const event of batch) {
      if (signal.aborted) throw new Stopping();
      try {
        await this.react(event);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        this.logger.debug(`${event.type} ${event.id}: nothing to do (${describeError(error).message})`);
      }
    }
  }
}
