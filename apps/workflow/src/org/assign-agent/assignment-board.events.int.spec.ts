import { Pool } from 'pg';
import type { RecordedEvent } from '@collab/event-store';
import { migrateSchema, type Database } from '@collab/service-kit';
import { freshDatabase, type FreshDatabase } from '@collab/testing';
import {
  workflowCaseDecider,
  workflowCaseStreamId,
  type WorkflowCaseCommand,
  type WorkflowCaseEvent,
} from '@collab/workflow-domain';
import type { CaseCommandHandler } from '../../cases/case-command-handler';
import { foldCaseView } from '../../cases/case-view/case-view.fold';
import { WORKFLOW_MIGRATIONS } from '../../migrations/workflow.migrations';
import { AssignmentBoard } from './assignment-board';

/*
 * The board assignment decides from changes as the case view does, event by event, at the case's
 * stream version: a replay from the checkpoint changes nothing, an event it missed (a row ahead of
 * or behind the log) is made good from the case's stream.
 */

const CASE_ID = '7d1c51f4-8f0a-4a55-9d51-0a9d4c7f2a11';
const NOW = new Date('2026-11-20T09:31:00Z');
const owner = { id: 'agent-li', kind: 'user' } as const;
const supervisor = { id: 'sup-wang', kind: 'user' } as const;

const ROUTED: WorkflowCaseCommand = {
  type: 'RegisterAndRouteCase',
  summary: {
    caseId: CASE_ID, channel: 'APP', audience: 'EXTERNAL', requestType: 'COMPLAINT', category: 'billing', region: 'GD-SZ', priority: 'NORMAL',
    language: 'zh-Hans', subject: '账单金额不对', description: '多扣了 30 元', requesterId: 'cust-1', openedAt: '2026-11-20T09:30:00.000Z',
  },
};
const ASSIGNED: WorkflowCaseCommand = {
  type: 'AssignCase', caseId: CASE_ID, queue: 'complaints', agentId: 'agent-li', agentLoad: { load: 2, capacity: 8 }, overrideCapacity: false, actor: supervisor, reason: 'knows billing',
};
const STARTED: WorkflowCaseCommand = { type: 'StartWork', caseId: CASE_ID, actor: owner };
const RESOLVED: WorkflowCaseCommand = { type: 'ResolveCase', caseId: CASE_ID, resolutionCode: 'REFUNDED', knowledgeArticleIds: [], note: '已退 30 元', actor: owner };
const TRANSFERRED: WorkflowCaseCommand = { type: 'TransferCase', caseId: CASE_ID, to: { queue: 'billing-desk' }, actor: owner, reason: 'a billing matter' };

const historyOf = (commands: readonly WorkflowCaseCommand[]): RecordedEvent[] => {
  const { decide, evolve, initialState } = workflowCaseDecider;
  const events: WorkflowCaseEvent[] = [];
  for (const command of commands) events.push(...decide(command, events.reduce(evolve, initialState()), { now: NOW }));
  return events.map((event, index) => ({
    id: `event-${index + 1}`,
    streamId: workflowCaseStreamId(CASE_ID),
    streamVersion: index + 1,
    position: BigInt(index + 1),
    type: event.type,
    data: event.data as unknown as Record<string, unknown>,
    metadata: {},
    recordedAt: NOW,
  }) as unknown as RecordedEvent);
};

describe('the assignment board', () => {
  let database: FreshDatabase;
  let pool: Pool;
  let stream: RecordedEvent[];
  let board: AssignmentBoard;

  const row = async (): Promise<unknown> =>
    (await pool.query<Record<string, unknown>>('select status, queue, assignee, version from workflow.assignment_case where case_id = $1', [CASE_ID])).rows[0];
  const folded = (upTo = stream.length) => {
    const view = foldCaseView(stream.slice(0, upTo).map((event) => ({ type: event.type, data: event.data }) as WorkflowCaseEvent))!;
    return { status: view.status, queue: view.queue, assignee: view.assignee, version: view.version };
  };

  beforeAll(async () => {
    database = await freshDatabase('assignment_board');
    pool = new Pool({ connectionString: database.url, max: 2 });
    const onPool: Database = { pool, embedded: false, description: 'test', close: () => Promise.resolve() };
    await migrateSchema(onPool, 'workflow', WORKFLOW_MIGRATIONS);
    stream = historyOf([ROUTED, ASSIGNED, STARTED, RESOLVED]);
    // The stream as the event store holds it, for the board's refreshes.
    const cases = { recorded: () => Promise.resolve(stream) } as unknown as CaseCommandHandler;
    board = new AssignmentBoard(onPool, cases, undefined as never);
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('holds, after each event of the log, what the case view would show', async () => {
    for (const [index, event] of stream.entries()) {
      await board.applyCase(event);
      expect(await row()).toEqual(folded(index + 1));
    }
    expect(await row()).toMatchObject({ status: 'RESOLVED', assignee: 'agent-li' });
  });

  it('changes nothing when the log replays from an earlier checkpoint', async () => {
    const before = await row();
    for (const event of stream) await board.applyCase(event);
    expect(await row()).toEqual(before);
  });

  it('makes good an event it missed from the case’s stream', async () => {
    await pool.query('update workflow.assignment_case set status = $2, assignee = null, version = 2 where case_id = $1', [CASE_ID, 'ASSIGNED']);
    // Version 4 follows 2: the board missed 3 and refreshes from the stream.
    await board.applyCase(stream[3]!);
    expect(await row()).toEqual(folded());
  });

  it('tells who owned the case before an event only when it holds the version just before it', async () => {
    const history = historyOf([ROUTED, ASSIGNED, TRANSFERRED]);
    const transfer = history.findIndex((event) => event.type === 'CaseTransferred');
    await pool.query('delete from workflow.assignment_case');
    for (const event of history.slice(0, transfer)) await board.applyCase(event);
    expect(await board.ownerBefore(history[transfer]!)).toEqual({ known: true, owner: 'agent-li' });
    await board.applyCase(history[transfer]!);
    expect(await board.ownerBefore(history[transfer]!)).toEqual({ known: false });
  });
});
