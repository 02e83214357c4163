import type { RecordedEvent } from '@collab/event-store';
import type { SharedLogReader } from '@collab/following';

/**
 * Workflow's log after `after`, as an async iterable that waits for new events and ends when
 * `signal` aborts. A watch is one more follower of the log at its head: it reads through the
 * process's shared reader, so a thousand watching partners cost no more reads of the store than
 * one. One batch is held at a time: a slow watcher slows only its own feed.
 */
export async function* tailLog(reader: SharedLogReader, after: bigint, signal: AbortSignal): AsyncGenerator<RecordedEvent> {
  let position = after;
  while (!signal.aborted) {
    let batch: readonly RecordedEvent[];
    try {
      batch = await reader.next(position, signal);
    } catch (error) {
      if (signal.aborted) return;
      throw error;
    }
    for (const event of batch) {
      yield event;
      position = event.position;
    }
  }
}
