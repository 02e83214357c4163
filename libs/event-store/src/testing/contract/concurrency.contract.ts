import { EventIdConflict, WrongExpectedVersion, type AppendResult } from '../../event-store.port';
import type { ContractContext } from '../event-store.contract';
import { aStreamId, anEvent, events, idsOf } from '../fixtures';

const settle = (attempts: Promise<AppendResult>[]) => Promise.allSettled(attempts);

export const concurrencyContract = ({ subject }: ContractContext): void => {
  const store = () => subject().store;

  describe('concurrent appends', () => {
    it('given a stream at version 1, when ten writers append expecting 1 at once, then exactly one wins', async () => {
      const streamId = aStreamId();
      await store().append(streamId, events(1), 'no_stream');
      const contenders = Array.from({ length: 10 }, () => events(2));
      const outcomes = await settle(contenders.map((batch) => store().append(streamId, batch, 1)));

      const winners = outcomes.flatMap((outcome, index) => (outcome.status === 'fulfilled' ? [index] : []));
      expect(winners).toHaveLength(1);
      for (const outcome of outcomes)
        if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(WrongExpectedVersion);
      const stored = await store().readStream(streamId);
      expect(idsOf(stored.slice(1))).toEqual(idsOf(contenders[winners[0]!]!));
    });

    it('given many writers on their own streams and one stale writer, when all append at once, then only the stale one fails', async () => {
      const stale = aStreamId();
      await store().append(stale, events(1), 'no_stream');
      const streams = Array.from({ length: 20 }, () => aStreamId());
      const attempts = [
        ...streams.map((streamId) => store().append(streamId, events(2), 'no_stream')),
        store().append(stale, events(1), 'no_stream'),
      ];
      const outcomes = await settle(attempts);
      expect(outcomes.slice(0, 20).every((outcome) => outcome.status === 'fulfilled')).toBe(true);
      const staleOutcome = outcomes[20];
      expect(staleOutcome?.status === 'rejected' && staleOutcome.reason instanceof WrongExpectedVersion).toBe(
        true,
      );
      const positions = outcomes.flatMap((outcome) =>
        outcome.status === 'fulfilled' ? [outcome.value.lastPosition] : [],
      );
      expect(new Set(positions).size).toBe(20);
    });

    it('given a stream, when the same writer queues several appends with successive expectations, then all land in order', async () => {
      const streamId = aStreamId();
      const batches = [events(1), events(1), events(1)];
      const results = await Promise.all(
        batches.map((batch, index) => store().append(streamId, batch, index)),
      );
      expect(results.map((result) => result.nextExpectedVersion)).toEqual([1, 2, 3]);
      expect(idsOf(await store().readStream(streamId))).toEqual(idsOf(batches.flat()));
    });

    it('given a retry, a conflict, a stale append and a new one sent at the same moment, then each gets its own answer', async () => {
      const [retried, conflicting, stale, fresh] = [aStreamId(), aStreamId(), aStreamId(), aStreamId()];
      const original = events(2);
      const first = await store().append(retried, original, 'no_stream');
      const taken = anEvent('CaseOpened', { subject: 'original' });
      await store().append(conflicting, [taken], 'no_stream');
      await store().append(stale, events(1), 'no_stream');

      // The first append of a burst goes out alone; the three behind it share the next group commit.
      const outcomes = await settle([
        store().append(fresh, events(3), 'no_stream'),
        store().append(retried, original, 'no_stream'),
        store().append(conflicting, [{ ...taken, data: { subject: 'changed' } }], 'no_stream'),
        store().append(stale, events(1), 'no_stream'),
      ]);
      expect(outcomes[0]).toMatchObject({ status: 'fulfilled', value: { nextExpectedVersion: 3 } });
      expect(outcomes[1]).toEqual({ status: 'fulfilled', value: first });
      expect(outcomes[2]?.status === 'rejected' && outcomes[2].reason instanceof EventIdConflict).toBe(true);
      expect(outcomes[3]?.status === 'rejected' && outcomes[3].reason instanceof WrongExpectedVersion).toBe(
        true,
      );
      expect(await store().readStream(retried)).toHaveLength(2);
    });
  });
};
