export interface BatchCandidate {
  readonly streamId: string;
  readonly eventIds: readonly string[];
}

export interface BatchLimits {
  /** Appends per transaction. */
  readonly maxAppends: number;
  /** Events per transaction; a single larger append still goes, alone. */
  readonly maxEvents: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxAppends: 200, maxEvents: 2_000 };

/**
 * Picks the next group commit from the queue, oldest first, and removes it from the queue. An
 * append to a stream already in the batch, or reusing an event id already in it, waits for the
 * next batch: the batch SQL decides each append against the state before the batch, so two
 * appends to one stream must not meet in it (and the second keeps its place behind the first).
 */
export const takeBatch = <Candidate extends BatchCandidate>(
  queue: Candidate[],
  limits: BatchLimits,
): Candidate[] => {
  const batch: Candidate[] = [];
  const streams = new Set<string>();
  const ids = new Set<string>();
  let events = 0;
  for (let index = 0; index < queue.length && batch.length < limits.maxAppends; index += 1) {
    const candidate = queue[index]!;
    const full = batch.length > 0 && events + candidate.eventIds.length > limits.maxEvents;
    if (full) break;
    const blocked = streams.has(candidate.streamId) || candidate.eventIds.some((id) => ids.has(id));
    streams.add(candidate.streamId);
    if (blocked) continue;
    for (const id of candidate.eventIds) ids.add(id);
    events += candidate.eventIds.length;
    batch.push(candidate);
  }
  const taken = new Set(batch);
  const remaining = queue.filter((candidate) => !taken.has(candidate));
  queue.splice(0, queue.length, ...remaining);
  return batch;
};
