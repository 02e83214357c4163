import { Injectable, Logger } from '@nestjs/common';
import type { RecordedEvent } from '@collab/event-store';
import { DomainError } from '@collab/domain-kernel';
import { LogReactor } from '@collab/service-kit';

/** Runs one reaction, letting a decider's refusal pass: it means the work was done already or is moot. */
export const passingRefusals = async (reaction: () => Promise<unknown>): Promise<void> => {
  try {
    await reaction();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
};

/**
 * A process manager over workflow's own log (not Kafka: only published types travel there), run by
 * the runtime under its lease, at least once from its checkpoint — so each reaction must be
 * idempotent (deterministic event ids, and the deciders refuse what was done already). A refusal
 * by a decider means the work was done or is moot: it is logged and passed, never dead-lettered.
 * Any other failure goes to the runtime, which retries infrastructure faults without limit.
 */
@Injectable()
export abstract class WorkflowLogReactor extends LogReactor {
  readonly log = 'workflow';
  protected readonly logger = new Logger(this.constructor.name);

  /** Reacts to one event of workflow's log. */
  protected abstract reactTo(event: RecordedEvent): Promise<void>;

  async react(event: RecordedEvent): Promise<void> {
    try {
      await this.reactTo(event);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.debug(`${event.type} ${event.id}: nothing to do (${error.message})`);
    }
  }
}
