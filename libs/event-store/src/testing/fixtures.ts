import { randomUUID } from 'node:crypto';
import type { EventMetadata, JsonObject, NewEvent, RecordedEvent } from '../event-store.port';

export const metadata = (overrides: Partial<EventMetadata> = {}): EventMetadata => ({
  correlationId: randomUUID(),
  actor: { id: 'agent-7', kind: 'user', name: 'Agent Seven' },
  ...overrides,
});

/** A business-looking event with defaults for everything; override what the test is about. */
export const anEvent = (
  type = 'ContactReceived',
  data: JsonObject = { channel: 'APP' },
  id: string = randomUUID(),
): NewEvent => ({
  id,
  type,
  data,
  metadata: metadata(),
});

export const events = (count: number, type = 'ContactReceived'): NewEvent[] =>
  Array.from({ length: count }, (_, index) => anEvent(type, { seq: index + 1 }));

export const aStreamId = (prefix = 'case'): string => `${prefix}-${randomUUID()}`;

export const idsOf = (recorded: readonly { readonly id: string }[]): string[] =>
  recorded.map((event) => event.id);

/** Polls until `check` holds, so live-subscription assertions do not depend on exact timing. */
export const eventually = async (
  check: () => boolean,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Every event once and in strictly increasing position order. */
export const assertStrictlyOrdered = (seen: readonly RecordedEvent[]): void => {
  for (let index = 1; index < seen.length; index += 1) {
    const previous = seen[index - 1]!;
    const current = seen[index]!;
    if (current.position <= previous.position)
      throw new Error(`position ${current.position} follows ${previous.position} at index ${index}`);
  }
};
