import { Pool } from 'pg';
import type { CollabEvent } from '@collab/contracts';
import { migrateSchema } from '@collab/service-kit';
import { freshDatabase, type FreshDatabase } from '@collab/testing';
import { INTAKE_MIGRATIONS } from '../../migrations/intake.migrations';
import { applyProgress, progressChangeOf } from './case-progress.changes';

const CASE_ID = '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84';
const at = '2026-11-20T10:00:00.000Z';

const eventOf = (name: string, streamversion: number, data: Record<string, unknown> = {}): CollabEvent => ({
  specversion: '1.0',
  id: `e${streamversion}`,
  source: '/collab/workflow',
  type: `collab.workflow.${name}.v1`,
  subject: `case-${CASE_ID}`,
  time: at,
  datacontenttype: 'application/json',
  dataschema: `urn:collab:schema:workflow:${name}:v1`,
  data: { caseId: CASE_ID, ...data },
  streamversion,
  position: String(streamversion),
  correlationid: 'req-1',
  actor: 'user:agent-li',
});

/* Intake's copy of a case's progress counts its open collaboration tasks, so it shows COLLABORATING as workflow does. */
describe("intake's case progress, counting the case's open tasks", () => {
  let database: FreshDatabase;
  let pool: Pool;

  beforeAll(async () => {
    database = await freshDatabase('intakeprogress');
    pool = new Pool({ connectionString: database.url, max: 2 });
    await migrateSchema({ pool, embedded: false, description: 'test', close: () => Promise.resolve() }, 'intake', INTAKE_MIGRATIONS);
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  const given = async (...events: CollabEvent[]) => {
    for (const event of events) await applyProgress(pool, event, progressChangeOf(event)!);
    const { rows } = await pool.query<{ status: string; open_tasks: number; workflow_version: number }>(
      'select status, open_tasks, workflow_version from intake.case_progress where case_id = $1',
      [CASE_ID],
    );
    return rows[0];
  };

  it('counts each task the case opens, once however often the event comes, and each one it records the end of', async () => {
    const queued = eventOf('CaseQueued', 2, { queue: 'complaints', queuedAt: at });
    const started = eventOf('CaseWorkStarted', 3, { startedAt: at });
    const [first, second] = [eventOf('CollaborationTaskOpened', 4, { taskId: 't1' }), eventOf('CollaborationTaskOpened', 5, { taskId: 't2' })];
    expect(await given(queued, started, first, first, second)).toEqual({ status: 'IN_PROGRESS', open_tasks: 2, workflow_version: 5 });
    expect(await given(eventOf('CollaborationTaskClosed', 6, { taskId: 't1' }))).toMatchObject({ status: 'IN_PROGRESS', open_tasks: 1 });
    expect(await given(eventOf('CollaborationTaskClosed', 7, { taskId: 't2' }), eventOf('CollaborationTaskClosed', 7, { taskId: 't2' }))).toMatchObject({ open_tasks: 0 });
  });

  it('counts none open once the case is cancelled', async () => {
    await given(eventOf('CollaborationTaskOpened', 8, { taskId: 't3' }));
    expect(await given(eventOf('CaseCancelled', 9, { cancelledAt: at }))).toEqual({ status: 'CANCELLED', open_tasks: 0, workflow_version: 9 });
  });
});
