/**
 * KPI folding throughput on embedded PGlite: events/s folded live (consumer → inbox → journal →
 * every built-in KPI), facts/s folded by a backfill of every built-in KPI over the journal, and
 * beside them a raw SELECT of the same journal rows. Bounded by BENCH_KPI_CASES (5 events each).
 * Run: node -r ./tools/register.js bench/kpi.bench.ts
 */
import { BUILT_IN_KPIS } from '@collab/kpi-domain';
import { KpiTestBed, backfill, syntheticCases } from '@collab/kpi';

const CASES = Number(process.env['BENCH_KPI_CASES'] ?? 1_000);

const timed = async (work: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
};

const main = async (): Promise<void> => {
  const events = syntheticCases(CASES);
  const bed = await KpiTestBed.open();
  try {
    const liveSeconds = await timed(() => bed.feed(events));
    const facts = Number(((await bed.database.pool.query('select count(*) as n from kpi.fact')) as { rows: { n: string }[] }).rows[0]?.n ?? 0);
    await bed.database.pool.query('truncate kpi.observation, kpi.duration_end');
    const definitions = BUILT_IN_KPIS.map(({ kpiId, specification }) => ({ kpiId, version: 1, ...specification }));
    const backfillSeconds = await timed(async () => {
      for (const definition of definitions) await backfill(bed.database.pool, definition);
    });
    const rawSeconds = await timed(() => bed.database.pool.query('select * from kpi.fact order by seq'));
    const rows = [
      ['live fold (all built-ins)', events.length, liveSeconds],
      [`backfill (${definitions.length} KPIs, facts × KPIs)`, facts * definitions.length, backfillSeconds],
      ['raw SELECT of the journal', facts, rawSeconds],
    ] as const;
    process.stdout.write(`KPI folding on PGlite, ${CASES} cases (${events.length} events, ${facts} facts)\n`);
    for (const [what, count, seconds] of rows) process.stdout.write(`${what.padEnd(40)} ${String(count).padStart(8)} in ${seconds.toFixed(2)} s = ${Math.round(count / seconds)}/s\n`);
    process.stdout.write(`backfill facts/s ÷ raw SELECT rows/s: ${((facts * definitions.length) / backfillSeconds / (facts / rawSeconds)).toFixed(4)}×\n`);
  } finally {
    await bed.close();
  }
};

void main();
