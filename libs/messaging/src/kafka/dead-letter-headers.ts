/**
 * Headers added to a message copied to a `.dlq` topic, next to its original headers. Operators and
 * analysts read them without our code, so the names are part of the public contract.
 */
export const DEAD_LETTER_HEADERS = {
  errorName: 'collab-dlq-error-name',
  errorMessage: 'collab-dlq-error-message',
  consumer: 'collab-dlq-consumer',
  attempts: 'collab-dlq-attempts',
  originalTopic: 'collab-dlq-original-topic',
  originalPartition: 'collab-dlq-original-partition',
  originalOffset: 'collab-dlq-original-offset',
  failedAt: 'collab-dlq-failed-at',
} as const;

export interface DeadLetterCause {
  readonly consumerName: string;
  readonly errorName: string;
  readonly errorMessage: string;
  /** 0 when the message could not even be decoded, so the handler never saw it. */
  readonly attempts: number;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

export const deadLetterHeaders = (cause: DeadLetterCause, failedAt: Date): Record<string, string> => ({
  [DEAD_LETTER_HEADERS.errorName]: cause.errorName,
  // Header values have no hard limit, but a stack-sized message is not what an operator scans.
  [DEAD_LETTER_HEADERS.errorMessage]: cause.errorMessage.slice(0, 2_000),
  [DEAD_LETTER_HEADERS.consumer]: cause.consumerName,
  [DEAD_LETTER_HEADERS.attempts]: String(cause.attempts),
  [DEAD_LETTER_HEADERS.originalTopic]: cause.topic,
  [DEAD_LETTER_HEADERS.originalPartition]: String(cause.partition),
  [DEAD_LETTER_HEADERS.originalOffset]: cause.offset,
  [DEAD_LETTER_HEADERS.failedAt]: failedAt.toISOString(),
});
