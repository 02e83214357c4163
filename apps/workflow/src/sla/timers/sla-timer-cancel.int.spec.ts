import { Pool } from 'pg';
import { migrateSchema } from '@collab/service-kit';
import { freshDatabase, type FreshDatabase } from '@collab/testing';
import { WORKFLOW_MIGRATIONS } from '../../migrations/workflow.migrations';
import { CANCEL_CLOCK_SQL, CANCEL_EARLIER_RUNS_SQL, MARK_RECORDED_SQL } from './sla-timer.projection';

/*
 * Every contact starts and restarts SLA clocks, and each start cancels the clock's earlier timers.
 * Measured in bench/contact-cost.bench.ts: that cancel read every pending timer of every case
 * (7,816 rows for one clock's three), through the partial index of pending timers, because the
 * table had grown since it was last analysed (autovacuum had not come by yet, or is off, as on
 * the test server). Here: a table of thousands of open cases' timers, never analysed, as a busy
 * day leaves it; each cancel must read the clock's own timers only, and cancel exactly those.
 */

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly 'Index Name'?: string;
  readonly 'Actual Rows': number;
  readonly 'Actual Loops': number;
  readonly 'Rows Removed by Filter'?: number;
  readonly Plans?: readonly PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

const OPEN_CASES = 3_000;
const STARTED = '2026-11-02T01:00:00.000Z';
const RESTARTED = '2026-11-02T03:00:00.000Z';

/** Three timers (warn, breach, escalate) of each open case's first-response clock, all pending. */
const SEED = `insert into workflow.sla_timer (id, case_id, clock_key, started_at, kind, level, due_at, correlation_id, scheduled_by)
  select gen_random_uuid(), 'case-' || i, 'FIRST_RESPONSE', timestamptz '${STARTED}', kind, 0,
         timestamptz '${STARTED}' + interval '1 hour' * (1 + k), 'corr-' || i, gen_random_uuid()
    from generate_series(1, ${OPEN_CASES}) i, unnest(array['WARN', 'BREACH', 'ESCALATE']) with ordinality as t(kind, k)`;

describe('cancelling an SLA clock’s timers, with thousands of other cases’ timers pending', () => {
  let database: FreshDatabase;
  let pool: Pool;

  /** The plan as run (inside a transaction rolled back, so the update leaves nothing). */
  const plan = async (sql: string, params: unknown[]): Promise<PlanNode[]> => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`explain (analyze, format json) ${sql}`, params);
      return nodesOf(rows[0]!['QUERY PLAN'][0].Plan);
    } finally {
      await client.query('rollback');
      client.release();
    }
  };
  const timerRowsRead = (nodes: PlanNode[]) =>
    nodes
      .filter((node) => node['Relation Name'] === 'sla_timer' && node['Node Type'] !== 'ModifyTable')
      .reduce((sum, node) => sum + (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops'], 0);
  const pendingOf = async (caseId: string) =>
    (await pool.query<{ started_at: Date }>(`select started_at from workflow.sla_timer where case_id = $1 and fired_at is null and cancelled_at is null`, [caseId])).rows;

  beforeAll(async () => {
    database = await freshDatabase('sla_cancel');
    pool = new Pool({ connectionString: database.url, max: 2 });
    await migrateSchema({ pool, embedded: false, description: 'test', close: () => Promise.resolve() }, 'workflow', WORKFLOW_MIGRATIONS);
    // Analysed while empty, then grown: the statistics say nothing of the rows that came since.
    await pool.query('analyze workflow.sla_timer');
    await pool.query(SEED);
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('reads only the restarted clock’s timers when it cancels its earlier run', async () => {
    const nodes = await plan(CANCEL_EARLIER_RUNS_SQL, [['case-42'], ['FIRST_RESPONSE'], [RESTARTED]]);
    expect(nodes.map((node) => node['Index Name']).filter(Boolean)).toEqual(['sla_timer_clock']);
    expect(timerRowsRead(nodes)).toBe(3);
  });

  it('reads only the restarted clocks’ timers when a batch restarts several at once', async () => {
    const cases = ['case-100', 'case-200', 'case-300', 'case-400'];
    const nodes = await plan(CANCEL_EARLIER_RUNS_SQL, [cases, cases.map(() => 'FIRST_RESPONSE'), cases.map(() => RESTARTED)]);
    expect(nodes.map((node) => node['Index Name']).filter(Boolean)).toEqual(['sla_timer_clock']);
    expect(timerRowsRead(nodes)).toBe(12);
  });

  it('reads only the stopped clock’s timers when it cancels them', async () => {
    const nodes = await plan(CANCEL_CLOCK_SQL, ['case-42', 'FIRST_RESPONSE', RESTARTED]);
    expect(nodes.map((node) => node['Index Name']).filter(Boolean)).toEqual(['sla_timer_clock']);
    expect(timerRowsRead(nodes)).toBe(3);
  });

  it('cancels exactly the clock’s pending timers of other runs, and leaves the other cases’ alone', async () => {
    await pool.query(
      `insert into workflow.sla_timer (id, case_id, clock_key, started_at, kind, level, due_at, correlation_id, scheduled_by)
       values (gen_random_uuid(), 'case-7', 'FIRST_RESPONSE', $1, 'WARN', 0, $1::timestamptz + interval '1 hour', 'corr-7', gen_random_uuid())`,
      [RESTARTED],
    );
    await pool.query(CANCEL_EARLIER_RUNS_SQL, [['case-7'], ['FIRST_RESPONSE'], [RESTARTED]]);
    expect((await pendingOf('case-7')).map((row) => row.started_at.toISOString())).toEqual([RESTARTED]);
    expect(await pendingOf('case-8')).toHaveLength(3);
    await pool.query(CANCEL_CLOCK_SQL, ['case-7', 'FIRST_RESPONSE', RESTARTED]);
    expect(await pendingOf('case-7')).toEqual([]);
    expect(await pendingOf('case-8')).toHaveLength(3);
  });

  it('marks fired the timer whose firing the log holds, so the clock stopping after leaves it fired, not cancelled', async () => {
    // A dispatcher recorded case-9's warning and was killed before marking the timer; the work then started.
    const nodes = await plan(MARK_RECORDED_SQL, ['case-9', 'FIRST_RESPONSE', 'WARN', 0, RESTARTED]);
    expect(nodes.map((node) => node['Index Name']).filter(Boolean)).toEqual(['sla_timer_clock']);
    await pool.query(MARK_RECORDED_SQL, ['case-9', 'FIRST_RESPONSE', 'WARN', 0, RESTARTED]);
    await pool.query(CANCEL_CLOCK_SQL, ['case-9', 'FIRST_RESPONSE', '2026-11-02T04:00:00.000Z']);
    const { rows } = await pool.query<{ kind: string; fired: boolean; cancelled: boolean }>(
      `select kind, fired_at is not null as fired, cancelled_at is not null as cancelled from workflow.sla_timer where case_id = 'case-9' order by kind`,
    );
    expect(rows).toEqual([
      { kind: 'BREACH', fired: false, cancelled: true },
      { kind: 'ESCALATE', fired: false, cancelled: true },
      { kind: 'WARN', fired: true, cancelled: false },
    ]);
    expect(await pendingOf('case-8')).toHaveLength(3);
  });
});
