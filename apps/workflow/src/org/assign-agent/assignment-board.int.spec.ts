import { Pool } from 'pg';
import { migrateSchema, type Database } from '@collab/service-kit';
import { freshDatabase, type FreshDatabase } from '@collab/testing';
import { AGENTS_OF_QUEUE_SQL } from '../org-directory';
import { WorkflowReadModels } from '../../migrations/0001-read-models.migration';
import { WORKFLOW_MIGRATIONS } from '../../migrations/workflow.migrations';
import { AssignmentBoard, AGENTS_OF_QUEUE_SQL as BOARD_AGENTS_SQL, LONGEST_WAITING_SQL } from './assignment-board';

/*
 * Agent assignment asks two questions for every contact: which case has waited longest in a queue,
 * and how many open cases each candidate agent owns. Asked of workflow.case_view they were measured
 * once at one full scan of the table per question (1.69 M rows read for 1,802 cases); supervisors
 * still ask the second there. Assignment now asks its own board. Against PostgreSQL, with a few
 * thousand cases: a database made before the indexes scans; the migrations upgrade it in place and
 * fill the board from the views; then each question reads its index, and the board answers as the
 * case view did.
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

/** The statements of the DDL arrays that create this change's indexes: left out, they make the database as it was. */

const CASES = 6_000;
const QUEUES = 40;
const AGENTS = 2_000;

/** Seven in ten cases finished, two in ten owned and open, one in ten waiting in its queue. */
const SEED = [
  `insert into workflow.case_view (id, status, channel, audience, request_type, category, subject, description,
     language, region, priority, requester_id, queue, opened_at, assigned_at, assignee, version)
   select gen_random_uuid(),
          case when i % 10 < 7 then (array['RESOLVED', 'CLOSED', 'CANCELLED'])[1 + i % 3] when i % 10 < 9 then 'IN_PROGRESS' else 'ASSIGNED' end,
          'app', 'EXTERNAL', 'COMPLAINT', 'billing', '账单', '多扣了', 'zh-Hans', 'GD-SZ', 'NORMAL', 'cust-' || (i % 900),
          'queue-' || (i % ${QUEUES}), timestamptz '2026-11-01' + i * interval '1 minute',
          timestamptz '2026-11-01' + i * interval '1 minute' + interval '30 seconds',
          case when i % 10 < 9 then 'agent-' || (i % ${AGENTS}) end, 3
     from generate_series(1, ${CASES}) i`,
  `insert into workflow.org_agent (id, unit_id, queues, skills, languages, capacity, active, version)
   select 'agent-' || i, 'billing', array['queue-' || (i % ${QUEUES}), 'queue-' || ((i + 7) % ${QUEUES})], '{}', '{zh}', 5, i % 10 <> 0, 1
     from generate_series(0, ${AGENTS - 1}) i`,
];

const asDatabase = (pool: Pool): Database => ({ pool, embedded: false, description: 'test', close: () => Promise.resolve() });

describe('the case-view questions agent assignment asks for every contact', () => {
  let database: FreshDatabase;
  let pool: Pool;

  const plan = async (sql: string, params: unknown[]): Promise<PlanNode[]> => {
    const { rows } = await pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`explain (analyze, format json) ${sql}`, params);
    return nodesOf(rows[0]!['QUERY PLAN'][0].Plan);
  };
  const on = (table: string) => (nodes: PlanNode[]) => nodes.filter((node) => node['Relation Name'] === table || node['Index Name']?.startsWith(table));
  /** Rows the plan read from a table: those it kept and those its filters threw away, in every loop. */
  const rowsRead = (table: string) => (nodes: PlanNode[]) =>
    on(table)(nodes).reduce((sum, node) => sum + (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops'], 0);
  const caseViewRowsRead = rowsRead('case_view');
  const boardRowsRead = rowsRead('assignment_case');
  const CASE_VIEW_WAITING_SQL = LONGEST_WAITING_SQL.replace('workflow.assignment_case', 'workflow.case_view').replaceAll('case_id', 'id');
  const kinds = (nodes: PlanNode[]) => nodes.map((node) => `${node['Node Type']}${node['Index Name'] ? ` using ${node['Index Name']}` : ''}${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''}`);

  beforeAll(async () => {
    database = await freshDatabase('waiting');
    pool = new Pool({ connectionString: database.url, max: 2 });
    // The tables as the release before the indexes left them.
    await migrateSchema(asDatabase(pool), 'workflow', [WorkflowReadModels]);
    for (const seed of SEED) await pool.query(seed);
    await pool.query('analyze');
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('read the whole table for every question before the indexes', async () => {
    const waiting = await plan(CASE_VIEW_WAITING_SQL, ['queue-9', []]);
    expect(kinds(waiting)).toContain('Seq Scan on case_view');
    expect(caseViewRowsRead(waiting)).toBe(CASES);
    const agents = await plan(AGENTS_OF_QUEUE_SQL, ['queue-9']);
    expect(kinds(agents)).toContain('Seq Scan on case_view');
    expect(caseViewRowsRead(agents)).toBeGreaterThan(50 * CASES);
  });

  describe('once the migrations have upgraded the database in place', () => {
    beforeAll(async () => {
      await migrateSchema(asDatabase(pool), 'workflow', WORKFLOW_MIGRATIONS);
      await pool.query('analyze');
    });

    it('finds the longest-waiting case on the board through its waiting index, reading one row', async () => {
      const nodes = await plan(LONGEST_WAITING_SQL, ['queue-9', []]);
      expect(kinds(nodes)).toContain('Index Scan using assignment_case_waiting on assignment_case');
      expect(kinds(nodes).filter((kind) => kind.startsWith('Seq Scan'))).toEqual([]);
      expect(boardRowsRead(nodes)).toBe(1);
    });

    it('passes over the cases it is told to skip and still reads only a few index entries', async () => {
      const { rows } = await pool.query<{ id: string }>(
        `select id from workflow.case_view where queue = 'queue-9' and assignee is null and status = 'ASSIGNED' order by assigned_at limit 3`,
      );
      const nodes = await plan(LONGEST_WAITING_SQL, ['queue-9', rows.map((row) => row.id)]);
      expect(kinds(nodes)).toContain('Index Scan using assignment_case_waiting on assignment_case');
      expect(boardRowsRead(nodes)).toBeLessThanOrEqual(4);
    });

    it('counts each of a queue’s agents’ open cases on the board in the owner index', async () => {
      const nodes = await plan(BOARD_AGENTS_SQL, ['queue-9']);
      // The agents are a small table whose rows are narrower than the view's: the planner may scan
      // it rather than probe its queue index (it does at 2,000 agents); the cases are never scanned.
      expect(kinds(nodes)).toContainEqual(expect.stringMatching(/^Index (Only )?Scan using assignment_case_owned on assignment_case$/));
      expect(kinds(nodes)).not.toContain('Seq Scan on assignment_case');
      expect(boardRowsRead(nodes)).toBeLessThan(CASES / 10);
    });

    it('finds a queue’s agents through their queue index and counts each one’s open cases in the owner index', async () => {
      const nodes = await plan(AGENTS_OF_QUEUE_SQL, ['queue-9']);
      expect(kinds(nodes)).toContain('Bitmap Index Scan using org_agent_queues');
      expect(kinds(nodes)).toContainEqual(expect.stringMatching(/^Index (Only )?Scan using case_view_owned on case_view$/));
      expect(kinds(nodes).filter((kind) => kind.startsWith('Seq Scan'))).toEqual([]);
      // One index probe per agent of the queue, each reading only that agent's open cases.
      expect(caseViewRowsRead(nodes)).toBeLessThan(CASES / 10);
    });

    it('answers as the case view did: the case that has waited longest in the queue, passing over the ones given', async () => {
      const onPool: Database = { pool, embedded: false, description: 'test', close: () => Promise.resolve() };
      // Only the board's own tables are read here: neither the case streams nor the agents' are needed.
      const waiting = new AssignmentBoard(onPool, undefined as never, undefined as never);
      const { rows } = await pool.query<{ id: string }>(
        `select id from workflow.case_view where queue = 'queue-9' and assignee is null and status not in ('RESOLVED', 'CLOSED', 'CANCELLED')
          order by assigned_at, opened_at, id limit 2`,
      );
      expect(await waiting.longestWaiting('queue-9', [])).toMatchObject({ caseId: rows[0]!.id, queue: 'queue-9' });
      expect(await waiting.longestWaiting('queue-9', [rows[0]!.id])).toMatchObject({ caseId: rows[1]!.id });
    });

    it('counts each agent’s load as the case view does', async () => {
      const onPool: Database = { pool, embedded: false, description: 'test', close: () => Promise.resolve() };
      const board = new AssignmentBoard(onPool, undefined as never, undefined as never);
      const { rows } = await pool.query<{ id: string; load: string }>(AGENTS_OF_QUEUE_SQL, ['queue-9']);
      expect((await board.agentsOfQueue('queue-9')).map((agent) => [agent.id, agent.load])).toEqual(rows.map((row) => [row.id, Number(row.load)]));
    });
  });
});
