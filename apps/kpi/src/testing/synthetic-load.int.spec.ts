import { BUILT_IN_KPIS } from '@collab/kpi-domain';
import { KpiTestBed } from './kpi-test-bed';
import { syntheticCases } from './synthetic-load';

/** The benchmark's load must reach every built-in KPI, or a backfill skips a KPI's journal in one read and its ratio flatters. */
describe('the synthetic cases of the KPI benchmark', () => {
  let bed: KpiTestBed;
  beforeAll(async () => (bed = await KpiTestBed.open()));
  afterAll(() => bed.close());

  it('given a dozen cases folded in batches, then every built-in KPI has observations', async () => {
    await bed.feed(syntheticCases(12), { batch: 50 });
    const rows = (await bed.database.pool.query('select kpi_id, count(*)::int as n from kpi.observation group by kpi_id')) as { rows: { kpi_id: string; n: number }[] };
    const observed = new Map(rows.rows.map((row) => [row.kpi_id, row.n]));
    expect(BUILT_IN_KPIS.filter(({ kpiId }) => (observed.get(kpiId) ?? 0) === 0).map(({ kpiId }) => kpiId)).toEqual([]);
  });
});
