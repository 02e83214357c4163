import type { RecordedEvent } from '../../event-store.port';
import type { ContractContext } from '../event-store.contract';
import { aStreamId, assertStrictlyOrdered, eventually, events, idsOf, sleep } from '../fixtures';

export const subscribeContract = ({ subject }: ContractContext): void => {
  const store = () => subject().store;

  describe('subscribing to the global log', () => {
    it('given events before and after subscribing, when following from a checkpoint, then it catches up and goes live, each event once in order', async () => {
      const head = await store().headPosition();
      const before = events(5);
      await store().append(aStreamId(), before, 'no_stream');
      const seen: RecordedEvent[] = [];
      const subscription = store().subscribeToAll((batch) => Promise.resolve(void seen.push(...batch)), {
        after: head,
        batchSize: 2,
      });
      try {
        await eventually(() => seen.length >= 5, 10_000, 'catch-up');
        const live = events(3);
        const streamId = aStreamId();
        await store().append(streamId, live.slice(0, 1), 'no_stream');
        await store().append(streamId, live.slice(1), 1);
        await eventually(() => seen.length >= 8, 10_000, 'live events');
        assertStrictlyOrdered(seen);
        expect(idsOf(seen)).toEqual(idsOf([...before, ...live]));
        await eventually(() => subscription.position === seen[7]?.position, 2_000, 'position');
      } finally {
        await subscription.stop();
      }
    });

    it('given a subscription, when it is stopped, then stop waits for the handler in flight and no batch follows', async () => {
      const head = await store().headPosition();
      let inFlight = 0;
      let calls = 0;
      let finished = 0;
      const subscription = store().subscribeToAll(
        async () => {
          inFlight += 1;
          calls += 1;
          await sleep(150);
          inFlight -= 1;
          finished += 1;
        },
        { after: head, batchSize: 1 },
      );
      await store().append(aStreamId(), events(3), 'no_stream');
      await eventually(() => inFlight === 1, 10_000, 'a handler call in flight');
      await subscription.stop();
      expect(inFlight).toBe(0);
      expect(finished).toBe(calls);
      const callsAtStop = calls;
      await store().append(aStreamId(), events(1), 'no_stream');
      await sleep(200);
      expect(calls).toBe(callsAtStop);
    });

    it('given a handler that throws, when a batch arrives, then onError hears it and the subscription stops', async () => {
      const head = await store().headPosition();
      const failure = new Error('projection broke');
      const errors: unknown[] = [];
      let calls = 0;
      const subscription = store().subscribeToAll(
        () => {
          calls += 1;
          return Promise.reject(failure);
        },
        { after: head, onError: (error) => errors.push(error) },
      );
      await store().append(aStreamId(), events(1), 'no_stream');
      await eventually(() => errors.length === 1, 10_000, 'onError');
      expect(errors[0]).toBe(failure);
      expect(subscription.position).toBe(head);
      await store().append(aStreamId(), events(1), 'no_stream');
      await sleep(150);
      expect(calls).toBe(1);
      await subscription.stop();
    });
  });

  describe('checkpoints', () => {
    it('given nothing saved, when loading, then 0n', async () => {
      expect(await subject().checkpoints.load(`relay-${aStreamId()}`)).toBe(0n);
    });

    it('given a saved position, when saving a later one and loading, then the latest position comes back', async () => {
      const name = `projection-${aStreamId()}`;
      await subject().checkpoints.save(name, 42n);
      await subject().checkpoints.save(name, 9_007_199_254_740_993n);
      expect(await subject().checkpoints.load(name)).toBe(9_007_199_254_740_993n);
    });
  });
};
