import type { CollabEvent } from '@collab/contracts';
import { describeError, type DescribedError } from './logger';

/** An event a consumer gave up on after its attempts: kept with the error, never dropped. */
export interface DeadLetter {
  readonly consumerName: string;
  readonly event: CollabEvent;
  readonly error: unknown;
  readonly attempts: number;
}

/**
 * Where the embedded (log-fed) transport parks events a handler kept failing on. The Kafka
 * transport uses the source's `.dlq` topic instead. Recording must be durable before it
 * resolves: the consumer moves past the event right after.
 */
export interface DeadLetterSink {
  record(letter: DeadLetter): Promise<void>;
}

export interface RecordedDeadLetter {
  readonly consumerName: string;
  readonly event: CollabEvent;
  readonly error: DescribedError;
  readonly attempts: number;
  readonly recordedAt: Date;
}

/** For tests and demos: dead letters in memory, inspectable through `letters`. */
export class InMemoryDeadLetterSink implements DeadLetterSink {
  private readonly recorded: RecordedDeadLetter[] = [];

  get letters(): readonly RecordedDeadLetter[] {
    return this.recorded;
  }

  record(letter: DeadLetter): Promise<void> {
    this.recorded.push({
      consumerName: letter.consumerName,
      event: letter.event,
      error: describeError(letter.error),
      attempts: letter.attempts,
      recordedAt: new Date(),
    });
    return Promise.resolve();
  }
}
