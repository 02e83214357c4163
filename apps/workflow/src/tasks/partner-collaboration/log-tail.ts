import type { EventStore, RecordedEvent } from '@collab/event-store';

/**
 * Workflow's log after `after`, as an async iterable that waits for new events and ends when
 * `signal` aborts. One batch is held at a time: the subscription waits until the reader has taken
 * it, so a slow watcher slows its own feed and never piles the log up in memory.
 */
export async function* tailLog(
  store: EventStore,
  after: bigint,
  signal: AbortSignal,
): AsyncGenerator<RecordedEvent> {
  const pending: (readonly RecordedEvent[])[] = [];
  let wake: (() => void) | undefined;
  let taken: (() => void) | undefined;
  let failure: unknown;
  const subscription = store.subscribeToAll(
    async (batch) => {
      pending.push(batch);
      wake?.();
      await new Promise<void>((resolve) => (taken = resolve));
    },
    { after, onError: (error) => ((failure = error), wake?.()) },
  );
  const onAbort = () => wake?.();
  signal.addEventListener('abort', onAbort);
  try {
    while (!signal.aborted) {
      const batch = pending.shift();
      if (batch) {
        yield* batch;
        taken?.();
      } else if (failure !== undefined)
        throw failure instanceof Error
          ? failure
          : new Error('the workflow log could not be followed', { cause: failure });
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    taken?.();
    await subscription.stop();
  }
}
