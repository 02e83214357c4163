export interface BatchCandidate {
  /** The streams it appends to: one for a single append, several for an all-or-nothing group. */
  readonly streamIds: readonly string[];
  readonly eventIds: readonly string[];
}

export interface BatchLimits {
  /** Appends (streams) per transaction. */
  readonly maxAppends: number;
  /** Events per transaction; a single larger candidate still goes, alone. */
  readonly maxEvents: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxAppends: 200, maxEvents: 2_000 };

/**
 * Picks the next group commit from the queue, oldest first, and removes it from the queue. A
 * candidate touching a stream already in the batch, or reusing an event id already in it, waits for
 * the next batch: the batch SQL decides each append against the state before the batch, so two
 * appends to one stream must not meet in it (and the later one keeps its place behind the first,
 * as does everything behind it for those streams).
 */
export const takeBatch = <Candidate extends BatchCandidate>(
  queue: Candidate[],
  limits: BatchLimits,
): Candidate[] => {
  const batch: Candidate[] = [];
  const streams = new Set<string>();
  const ids = new Set<string>();
  let [appends, events] = [0, 0];
  for (const candidate of queue) {
    const full =
      batch.length > 0 &&
      (appends + candidate.streamIds.length > limits.maxAppends || events + candidate.eventIds.length > limits.maxEvents);
    if (full) break;
    const blocked = candidate.streamIds.some((id) => streams.has(id)) || candidate.eventIds.some((id) => ids.has(id));
    for (const id of candidate.streamIds) streams.add(id);
    if (blocked) continue;
    for (const id of candidate.eventIds) ids.add(id);
    [appends, events] = [appends + candidate.streamIds.length, events + candidate.eventIds.length];
    batch.push(candidate);
  }
  const taken = new Set(batch);
  const remaining = queue.filter((candidate) => !taken.has(candidate));
  queue.splice(0, queue.length, ...remaining);
  return batch;
};
