import type { RecordedEvent } from '../event-store.port';
import { anEvent } from '../testing/fixtures';
import { classifyPriorAppend } from './idempotency';

const stored = (event: ReturnType<typeof anEvent>, streamVersion: number, streamId = 's'): RecordedEvent => ({
  ...event,
  streamId,
  streamVersion,
  position: BigInt(streamVersion * 10),
  recordedAt: new Date(0),
});

describe('classifying an append against what is stored under its ids', () => {
  const first = anEvent('CaseOpened', { subject: 'bill' });
  const second = anEvent('CaseAcknowledged', { by: 'agent' });

  it('nothing stored: a new append', () => {
    expect(classifyPriorAppend('s', [first], [undefined])).toEqual({ kind: 'new' });
  });

  it('all stored as the same facts: a retry answered with the original result', () => {
    expect(classifyPriorAppend('s', [first, second], [stored(first, 1), stored(second, 2)])).toEqual({
      kind: 'retry',
      result: { nextExpectedVersion: 2, lastPosition: 20n },
    });
  });

  it('a retry with fresh metadata is still the same fact', () => {
    const retried = { ...first, metadata: { ...first.metadata, correlationId: 'other' } };
    expect(classifyPriorAppend('s', [retried], [stored(first, 1)]).kind).toBe('retry');
  });

  it.each([
    ['different data', [{ ...first, data: { subject: 'other' } }], [stored(first, 1)]],
    ['another stream', [first], [stored(first, 1, 'elsewhere')]],
    ['only some stored', [first, second], [stored(first, 1), undefined]],
  ])('%s: a conflict', (_, events, found) => {
    expect(classifyPriorAppend('s', events, found).kind).toBe('conflict');
  });
});
