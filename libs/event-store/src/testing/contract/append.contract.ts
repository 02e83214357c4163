import { EventIdConflict, WrongExpectedVersion, type ExpectedVersion } from '../../event-store.port';
import type { ContractContext } from '../event-store.contract';
import { aStreamId, anEvent, events, idsOf } from '../fixtures';

const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the append to be refused');
};

export const appendContract = ({ subject, capabilities }: ContractContext): void => {
  const store = () => subject().store;

  describe('appending to a new stream', () => {
    it.each<[string, ExpectedVersion]>([
      ['no_stream', 'no_stream'],
      ['version 0', 0],
      ['any', 'any'],
    ])(
      'given no stream, when appending expecting %s, then the events get versions 1..n',
      async (_, expected) => {
        const streamId = aStreamId();
        const result = await store().append(streamId, events(3), expected);
        const stored = await store().readStream(streamId);
        expect(result.nextExpectedVersion).toBe(3);
        expect(stored.map((event) => event.streamVersion)).toEqual([1, 2, 3]);
        expect(result.lastPosition).toBe(stored[2]?.position);
      },
    );

    it('given a new event, when it is read back, then id, type, data, metadata and stream are kept', async () => {
      const streamId = aStreamId();
      const event = anEvent('CaseOpened', {
        caseId: 'c-1',
        priority: 2,
        tags: ['vip'],
        nested: { ok: true, none: null },
      });
      await store().append(streamId, [event], 'no_stream');
      const [stored] = await store().readStream(streamId);
      expect(stored).toMatchObject({
        id: event.id,
        type: 'CaseOpened',
        data: event.data,
        metadata: event.metadata,
        streamId,
      });
      expect(stored?.recordedAt).toBeInstanceOf(Date);
    });
  });

  describe('expected version', () => {
    it.each<[ExpectedVersion, number, boolean]>([
      ['no_stream', 0, true],
      [0, 0, true],
      [1, 0, false],
      ['any', 0, true],
      ['no_stream', 2, false],
      [0, 2, false],
      [1, 2, false],
      [2, 2, true],
      [3, 2, false],
      ['any', 2, true],
    ])(
      'given expected %p and a stream at version %i, when appending, then accepted = %p',
      async (expected, actual, accepted) => {
        const streamId = aStreamId();
        if (actual > 0) await store().append(streamId, events(actual), 'no_stream');
        const attempt = store().append(streamId, events(1), expected);
        if (accepted) return expect((await attempt).nextExpectedVersion).toBe(actual + 1);
        const error = await rejection(attempt);
        expect(error).toBeInstanceOf(WrongExpectedVersion);
        expect(error).toMatchObject({ streamId, expected, actual });
        expect(await store().readStream(streamId)).toHaveLength(actual);
      },
    );
  });

  describe('retrying an append', () => {
    it('given an append, when it is repeated exactly, then the original result is returned and nothing is stored twice', async () => {
      const streamId = aStreamId();
      const batch = events(2);
      const first = await store().append(streamId, batch, 'no_stream');
      const again = await store().append(streamId, batch, 'no_stream');
      expect(again).toEqual(first);
      expect(idsOf(await store().readStream(streamId))).toEqual(idsOf(batch));
    });

    it('given an append followed by others, when the first is retried, then it still answers as the first time', async () => {
      const streamId = aStreamId();
      const batch = events(1);
      const first = await store().append(streamId, batch, 'no_stream');
      await store().append(streamId, events(2), 1);
      expect(await store().append(streamId, batch, 'no_stream')).toEqual(first);
      expect(await store().readStream(streamId)).toHaveLength(3);
    });

    it('given an event, when its id is appended again with different data, then EventIdConflict', async () => {
      const streamId = aStreamId();
      const event = anEvent('CaseOpened', { subject: 'billing' });
      await store().append(streamId, [event], 'no_stream');
      const error = await rejection(
        store().append(streamId, [{ ...event, data: { subject: 'other' } }], 'no_stream'),
      );
      expect(error).toBeInstanceOf(EventIdConflict);
      expect(error).toMatchObject({ eventId: event.id, streamId });
    });

    it('given an event, when an append mixes its id with new events, then EventIdConflict and nothing new is stored', async () => {
      const streamId = aStreamId();
      const [event] = events(1);
      await store().append(streamId, [event!], 'no_stream');
      const error = await rejection(store().append(streamId, [event!, anEvent()], 'any'));
      expect(error).toBeInstanceOf(EventIdConflict);
      expect(await store().readStream(streamId)).toHaveLength(1);
    });

    if (capabilities.detectsIdReuseAcrossStreams)
      it('given an event, when its id is appended to another stream, then EventIdConflict', async () => {
        const event = anEvent();
        await store().append(aStreamId(), [event], 'no_stream');
        const other = aStreamId();
        expect(await rejection(store().append(other, [event], 'no_stream'))).toBeInstanceOf(EventIdConflict);
        expect(await store().readStream(other)).toEqual([]);
      });

    it('given one append, when it carries the same id twice, then it is refused before anything is written', async () => {
      const streamId = aStreamId();
      const event = anEvent();
      await expect(store().append(streamId, [event, event], 'no_stream')).rejects.toThrow(TypeError);
      expect(await store().readStream(streamId)).toEqual([]);
    });
  });
};
