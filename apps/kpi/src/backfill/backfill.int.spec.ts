import { BUILT_IN_KPIS } from '@collab/kpi-domain';
import { KPI_ENGINES, KpiTestBed } from '../testing/kpi-test-bed';
import { monthOfEvents } from '../testing/scenario';
import { backfill } from './kpi-backfill';
import type { BackfillProgress } from '../kpi.answers';

describe.each(KPI_ENGINES)('a backfill computes a new KPI version over the whole history, on %s', (engine) => {
  const events = monthOfEvents();
  let bed: KpiTestBed;

  beforeAll(async () => {
    bed = await KpiTestBed.on(engine);
  });
  afterAll(() => bed.close());

  it('while live folding goes on, and ends equal to what live folding alone makes', async () => {
    await bed.feed(events);
    const live = await bed.observations();

    await bed.reset();
    const definitions = await bed.database.pool.query(`delete from kpi.definition returning *`);
    bed.catalogue.changed();
    const half = Math.floor(events.length / 2);
    await bed.feed(events.slice(0, half));
    await bed.database.pool.query(`insert into kpi.definition select * from json_populate_recordset(null::kpi.definition, $1)`, [JSON.stringify((definitions as { rows: unknown[] }).rows)]);
    bed.catalogue.changed();

    const progress: BackfillProgress[] = [];
    await Promise.all([
      bed.feed(events.slice(half)),
      ...BUILT_IN_KPIS.map(({ kpiId, specification }) =>
        backfill(bed.database.pool, { kpiId, version: 1, ...specification }, { onProgress: (p) => progress.push(p) })),
    ]);
    expect(await bed.observations()).toEqual(live);
    expect(progress.filter((p) => p.status === 'DONE')).toHaveLength(BUILT_IN_KPIS.length);
    expect(progress.every((p) => p.done <= p.total)).toBe(true);
  });
});
