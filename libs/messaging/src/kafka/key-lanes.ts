import type { KafkaMessage } from 'kafkajs';

/** Keys of one partition's batch handled at once, at most. */
export const KEY_LANES = 8;

/**
 * One partition's batch, key by key (DESIGN §3: events are keyed by stream id, and only one
 * stream's order is promised): each key's messages in their order, one after another; different
 * keys at the same time, at most `width` at once. A case that waits on the database then no longer
 * holds up the cases behind it in its partition. `handle` answers false when the consumer is
 * stopping: that key's lane ends there. Answers the offset of the last message of the batch's
 * longest handled prefix (what may be committed), undefined when its first message was not handled.
 */
export const handleByKey = async (
  messages: readonly KafkaMessage[],
  width: number,
  handle: (message: KafkaMessage) => Promise<boolean>,
): Promise<string | undefined> => {
  const lanes = new Map<string, KafkaMessage[]>();
  for (const message of messages) {
    const key = message.key?.toString() ?? '';
    const lane = lanes.get(key);
    if (lane) lane.push(message);
    else lanes.set(key, [message]);
  }
  const waiting = [...lanes.values()];
  const handled = new Set<string>();
  const work = async (): Promise<void> => {
    for (let lane = waiting.shift(); lane !== undefined; lane = waiting.shift())
      for (const message of lane) {
        if (!(await handle(message))) break;
        handled.add(message.offset);
      }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(width, waiting.length) }, work));
  const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  let upTo: string | undefined;
  for (const message of messages) {
    if (!handled.has(message.offset)) break;
    upTo = message.offset;
  }
  return upTo;
};
