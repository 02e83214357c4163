/**
 * Data cube query latency: a two-dimension slice (contacts by province × channel over a month) through
 * DataCube, as `GET /api/v1/data/cube` runs it, over BENCH_CUBE_FACTS facts (1,000,000 by default) on a
 * fresh PostgreSQL database, beside the equivalent hand-written `GROUP BY` in the same run. Prints p50
 * and p95 of each and fails when the cube's p95 is more than BENCH_CUBE_MAX_RATIO (default 3) times the
 * hand-written query's: the cube's generic SQL may cost something, not an order of magnitude.
 * Run: node -r ./tools/register.js bench/cube.bench.ts
 */
import { Pool } from 'pg';
import { DataCube, DATA_MIGRATIONS } from '@collab/data';
import { migrateSchema, type Database } from '@collab/service-kit';
import { freshDatabase } from '@collab/testing';

const FACTS = Number(process.env['BENCH_CUBE_FACTS'] ?? 1_000_000);
const RUNS = Number(process.env['BENCH_CUBE_RUNS'] ?? 30);
const MAX_RATIO = Number(process.env['BENCH_CUBE_MAX_RATIO'] ?? 3);
const CASES = Math.max(1, Math.round(FACTS / 4));
const FROM = new Date('2026-11-01T00:00:00Z');
const TO = new Date('2026-12-01T00:00:00Z');

const HAND_WRITTEN = `select split_part(c.region, '-', 1) as province, c.channel, count(*)::int as contacts
  from data.fact f join data.case_dim c on c.case_id = f.case_id
  where f.kind in ('CASE_OPENED', 'CONTACT_APPENDED') and f.at >= $1 and f.at < $2
  group by 1, 2 order by 1, 2`;

const percentile = (samples: readonly number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

const timeRuns = async (run: () => Promise<unknown>): Promise<number[]> => {
  await run();
  const samples: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
};

/** Cases spread over 12 regions, 5 channels and 6 categories; four facts a case, over two months. */
const load = async (pool: Pool): Promise<void> => {
  await pool.query(
    `insert into data.case_dim (case_id, channel, region, category, request_type, priority, language, opened_at, status)
     select md5('case' || n)::uuid, (array['app','web','gd-hotline','wechat','store'])[1 + n % 5],
       (array['GD-SZ','GD-GZ','GD-FS','GD','BJ','BJ-CY','SH','SH-PD','ZJ-HZ','ZJ-NB','FI','FI-18'])[1 + n % 12],
       (array['billing/wrong-charge','billing/refund','network/no-signal','plan/change','billing','network'])[1 + n % 6],
       'COMPLAINT', 'NORMAL', 'zh-CN', timestamptz '2026-10-15' + (n % 61) * interval '1 day', 'OPEN'
     from generate_series(1, $1::int) n`,
    [CASES],
  );
  await pool.query(
    `insert into data.fact (event_id, source, kind, at, case_id, calendar_minutes, business_minutes)
     select 'e' || n, 'intake', (array['CASE_OPENED','CONTACT_APPENDED','CASE_QUEUED','CASE_RESOLVED'])[1 + n % 4],
       timestamptz '2026-10-15' + (n % 61) * interval '1 day' + (n % 1440) * interval '1 minute', md5('case' || (1 + n % $2::int))::uuid,
       case when n % 4 = 3 then n % 600 end, case when n % 4 = 3 then n % 300 end
     from generate_series(1, $1::int) n`,
    [FACTS, CASES],
  );
  await pool.query('analyze data.fact; analyze data.case_dim');
};

const main = async (): Promise<void> => {
  const fresh = await freshDatabase('collab_bench_cube');
  const pool = new Pool({ connectionString: fresh.url, max: 2 });
  try {
    await migrateSchema({ pool, embedded: false, description: 'bench', close: () => Promise.resolve() }, 'data', DATA_MIGRATIONS);
    let started = performance.now();
    await load(pool);
    console.log(`loaded ${FACTS.toLocaleString('en-US')} facts over ${CASES.toLocaleString('en-US')} cases in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const cube = new DataCube({ pool } as unknown as Database);
    const query = { measures: ['contacts'] as const, dimensions: ['region.province', 'channel'] as const, filters: [], from: FROM, to: TO };
    started = performance.now();
    const slice = await cube.slice(query);
    const hand = await pool.query<{ contacts: number }>(HAND_WRITTEN, [FROM, TO]);
    const handTotal = hand.rows.reduce((sum, row) => sum + row.contacts, 0);
    if (slice.totals['contacts'] !== handTotal) throw new Error(`the cube counted ${String(slice.totals['contacts'])} contacts, the hand-written query ${handTotal}`);
    const cubeMs = await timeRuns(() => cube.slice(query));
    const handMs = await timeRuns(() => pool.query(HAND_WRITTEN, [FROM, TO]));
    const [cubeP50, cubeP95, handP50, handP95] = [percentile(cubeMs, 50), percentile(cubeMs, 95), percentile(handMs, 50), percentile(handMs, 95)];
    console.log(`two-dimension slice (province × channel, one month, ${slice.rows.length} cells, ${handTotal.toLocaleString('en-US')} contacts), ${RUNS} runs each:`);
    console.log(`  DataCube.slice (rows + totals): p50 ${cubeP50.toFixed(1)} ms, p95 ${cubeP95.toFixed(1)} ms`);
    console.log(`  hand-written GROUP BY:          p50 ${handP50.toFixed(1)} ms, p95 ${handP95.toFixed(1)} ms`);
    console.log(`  ratio of p95: ${(cubeP95 / handP95).toFixed(2)} (bound ${MAX_RATIO})`);
    if (cubeP95 > MAX_RATIO * handP95) process.exitCode = 1;
  } finally {
    await pool.end();
    await fresh.drop();
  }
};

void main();
