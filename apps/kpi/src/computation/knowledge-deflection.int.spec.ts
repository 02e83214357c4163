import { BUILT_IN_KPIS } from '@collab/kpi-domain';
import { backfill } from '../backfill/kpi-backfill';
import { deflectionAnswers, deflectionCases } from '../testing/deflection.fixtures';
import { KpiTestBed } from '../testing/kpi-test-bed';

const DEFLECTION = 'knowledge-deflection';

/** Knowledge deflection counts self-service answers that did not become cases (testing/deflection.fixtures.ts works the figures out). */
describe('knowledge deflection: self-service answers the same customer did not follow with a case within 72 hours', () => {
  let bed: KpiTestBed;
  const answers = deflectionAnswers();
  const cases = deflectionCases();
  let reference: unknown[];

  beforeAll(async () => {
    bed = await KpiTestBed.open();
  });
  beforeEach(() => bed.reset());
  afterAll(() => bed.close());

  const deflection = async () => ({
    november: await bed.value(DEFLECTION),
    app: await bed.value(DEFLECTION, 'channel:app'),
    web: await bed.value(DEFLECTION, 'channel:web'),
    byDay: (await bed.series(DEFLECTION, { granularity: 'day' })).values.map((point) => [point.bucket, point.value]),
  });

  it('given the answers, then the cases: the answers that became cases leave the count when their case arrives', async () => {
    await bed.feed(answers);
    expect(await bed.value(DEFLECTION)).toBe(5);
    await bed.feed(cases);
    expect(await deflection()).toEqual({ november: 3, app: 2, web: 1, byDay: [['2026-11-23T00:00:00Z', 3]] });
    reference = await bed.observations();
  });

  it('given the cases first (another partition ran ahead), then the answers: the same figures, row for row', async () => {
    await bed.feed(cases);
    await bed.feed(answers);
    expect(await deflection()).toEqual({ november: 3, app: 2, web: 1, byDay: [['2026-11-23T00:00:00Z', 3]] });
    expect(await bed.observations()).toEqual(reference);
  });

  it('interleaved, redelivered and folded by two replicas at once: the same rows', async () => {
    const interleaved = [cases[0]!, answers[1]!, answers[0]!, cases[2]!, answers[2]!, answers[4]!, cases[3]!, answers[3]!, cases[1]!];
    await Promise.all([bed.feed(interleaved), bed.replica().feed([...interleaved].reverse())]);
    await bed.feed([...cases, ...answers]);
    expect(await bed.observations()).toEqual(reference);
  });

  it('answers and the cases that undo them in one batch transaction, by two replicas in batches of their own: the same rows', async () => {
    const interleaved = [answers[0]!, cases[0]!, answers[1]!, cases[2]!, answers[2]!, answers[4]!, cases[3]!, answers[3]!, cases[1]!];
    await Promise.all([bed.feed(interleaved, { batch: 9 }), bed.replica().feed([...interleaved].reverse(), { batch: 2 })]);
    expect(await bed.observations()).toEqual(reference);
  });

  it('a backfill of the definition over the same history ends equal to live folding, also while the cases still arrive', async () => {
    await bed.feed([...answers, cases[0]!]);
    await bed.database.pool.query(`delete from kpi.observation where kpi_id = $1`, [DEFLECTION]);
    const { specification } = BUILT_IN_KPIS.find((kpi) => kpi.kpiId === DEFLECTION)!;
    await Promise.all([backfill(bed.database.pool, { kpiId: DEFLECTION, version: 1, ...specification }), bed.feed(cases.slice(1))]);
    expect(await bed.observations()).toEqual(reference);
    await backfill(bed.database.pool, { kpiId: DEFLECTION, version: 1, ...specification });
    expect(await bed.observations()).toEqual(reference);
  });
});
