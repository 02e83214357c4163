import fc from 'fast-check';
import type { CollabEvent } from '@collab/contracts';
import { KPI_ENGINES, KpiTestBed } from '../testing/kpi-test-bed';
import { CASE_C, monthOfEvents } from '../testing/scenario';

/** Interleaves the streams as partitions may deliver them: each stream keeps its own order, nothing else is promised. */
const interleave = (events: readonly CollabEvent[], picks: readonly number[]): CollabEvent[] => {
  const streams = new Map<string, CollabEvent[]>();
  for (const event of events) streams.set(event.subject, [...(streams.get(event.subject) ?? []), event]);
  const queues = [...streams.values()];
  const out: CollabEvent[] = [];
  let pick = 0;
  while (queues.some((queue) => queue.length > 0)) {
    const open = queues.filter((queue) => queue.length > 0);
    out.push(open[(picks[pick++ % Math.max(1, picks.length)] ?? 0) % open.length]!.shift()!);
  }
  return out;
};

/** Redelivery, reordering across partitions and a second replica must leave exactly the rows of one orderly delivery. */
describe.each(KPI_ENGINES)('the KPI fold counts each event once, in any order, on %s', (engine) => {
  const events = monthOfEvents();
  let bed: KpiTestBed;
  let reference: unknown[];

  beforeAll(async () => {
    bed = await KpiTestBed.on(engine);
    await bed.feed(events);
    reference = await bed.observations();
  });
  beforeEach(() => bed.reset());
  afterAll(() => bed.close());

  it('a redelivered batch changes nothing', async () => {
    await bed.feed(events);
    await bed.feed(events.slice(5, 30));
    expect(await bed.observations()).toEqual(reference);
  });

  it('two replicas folding the same log concurrently count it once', async () => {
    // The lease keeps a second replica out; were it let in (a lease lost mid-batch), the inbox and the journal still count each event once.
    await Promise.all([bed.feed(events), bed.replica().feed(events)]);
    expect(await bed.observations()).toEqual(reference);
  });

  it('folded in batches sharing a transaction (the embedded log), the rows are those of one event at a time', async () => {
    await bed.feed(events, { batch: 7 });
    expect(await bed.observations()).toEqual(reference);
  });

  it('a redelivered batch folded as a batch changes nothing', async () => {
    await bed.feed(events, { batch: 50 });
    await bed.feed(events.slice(5, 30), { batch: 50 });
    await bed.feed(events.slice(3, 40), { batch: 4 });
    expect(await bed.observations()).toEqual(reference);
  });

  it('an event handed over twice in one batch counts once, its context too (first contact resolution reads the counts)', async () => {
    await bed.feed([...events.slice(0, 20), ...events.slice(10, 30), ...events.slice(20)], { batch: events.length + 20 });
    expect(await bed.observations()).toEqual(reference);
  });

  it('two replicas folding the same log in batches count it once', async () => {
    await Promise.all([bed.feed(events, { batch: 5 }), bed.replica().feed(events, { batch: 9 })]);
    expect(await bed.observations()).toEqual(reference);
  });

  it('a resolution before its opening completes the duration when the opening arrives', async () => {
    const opening = events.find((event) => event.type.endsWith('.CaseOpened.v3') && event.data['caseId'] === CASE_C)!;
    await bed.feed(events.filter((event) => event !== opening));
    expect((await bed.series('resolution-time-avg')).values[0]?.samples).toBe(2);
    await bed.feed([opening]);
    expect(await bed.observations()).toEqual(reference);
  });

  it('any interleaving of the streams, in any batches, gives the same rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(50), { minLength: 5, maxLength: 40 }), fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }), async (picks, batch) => {
        await bed.reset();
        await bed.feed(interleave(events, picks), batch === undefined ? {} : { batch });
        expect(await bed.observations()).toEqual(reference);
      }),
      { numRuns: 8 },
    );
  }, 300_000);
});
