import type { CollaborationTaskClosed, CollaborationTaskEvent, CollaborationTaskOpened, WorkflowCaseEvent } from '@collab/workflow-domain';
import { chainOf } from './case-chain';

const owner = { id: 'agent-li', kind: 'user' } as const;
const billingClerk = { id: 'clerk-wu', kind: 'user' } as const;
const watcher = { id: 'workflow.task-outcomes', kind: 'service' } as const;

const opened = (taskId: string, parentTaskId: string | null, [fromUnit, to]: [string, string], openedAt: string): CollaborationTaskOpened => ({
  type: 'CollaborationTaskOpened',
  data: {
    caseId: 'case-1',
    taskId,
    parentTaskId,
    from: { kind: parentTaskId === null ? 'QUEUE' : 'UNIT', id: fromUnit },
    to: { kind: to.startsWith('partner') ? 'PARTNER' : 'UNIT', id: to, region: 'GD' },
    reason: `please help, ${to}`,
    sla: { calendarId: 'cn-standard', acceptWithinBusinessMinutes: 60, completeWithinBusinessMinutes: 480 },
    acceptDueAt: '2026-11-24T02:00:00.000Z',
    completeDueAt: '2026-11-25T02:00:00.000Z',
    actor: parentTaskId ? billingClerk : owner,
    openedAt,
  },
});

const closed = (taskId: string, outcome: CollaborationTaskClosed['data']['outcome'], reason: string | null, closedAt: string): CollaborationTaskClosed => ({
  type: 'CollaborationTaskClosed',
  data: { caseId: 'case-1', taskId, outcome, reason, actor: watcher, closedAt },
});

describe('the chain of a case (流程穿越)', () => {
  it('names a chain’s asker by its parent’s target, also where a version 1 event (lifted as UNIT) named it by id only', () => {
    // `opened` tags a chained asker UNIT, as the stored-event upcaster lifts every version 1 chain.
    const [root] = chainOf([
      opened('task-1', null, ['complaints', 'partner-x'], '2026-11-23T02:00:00.000Z'),
      opened('task-2', 'task-1', ['partner-x', 'billing-dept'], '2026-11-23T03:00:00.000Z'),
    ]);
    expect(root!.from).toEqual({ kind: 'QUEUE', id: 'complaints' });
    expect(root!.children[0]!.from).toEqual({ kind: 'PARTNER', id: 'partner-x' });
  });

  // Front line → billing → network, which returns it; billing then asks a partner; front line also asks marketing.
  const events: WorkflowCaseEvent[] = [
    opened('task-1', null, ['complaints', 'billing-dept'], '2026-11-23T02:00:00.000Z'),
    opened('task-2', 'task-1', ['billing-dept', 'network-dept'], '2026-11-23T03:00:00.000Z'),
    closed('task-2', 'RETURNED', 'WRONG_UNIT', '2026-11-23T04:00:00.000Z'),
    opened('task-3', 'task-1', ['billing-dept', 'partner-fi'], '2026-11-23T05:00:00.000Z'),
    opened('task-4', null, ['complaints', 'marketing-dept'], '2026-11-23T06:00:00.000Z'),
    closed('task-3', 'COMPLETED', null, '2026-11-23T07:00:00.000Z'),
  ];

  const shape = (links: ReturnType<typeof chainOf>): unknown[] =>
    links.map((link) => [link.taskId, link.from.id, link.to.id, link.status, shape(link.children)]);

  it('is a tree: each task under the task whose holder asked for it, in the order opened', () =>
    expect(shape(chainOf(events))).toEqual([
      ['task-1', 'complaints', 'billing-dept', 'REQUESTED', [
        ['task-2', 'billing-dept', 'network-dept', 'RETURNED', []],
        ['task-3', 'billing-dept', 'partner-fi', 'COMPLETED', []],
      ]],
      ['task-4', 'complaints', 'marketing-dept', 'REQUESTED', []],
    ]));

  it('records who asked, why, when, and how each task ended', () => {
    const returned = chainOf(events)[0]!.children[0]!;
    expect(returned).toEqual({
      taskId: 'task-2',
      parentTaskId: 'task-1',
      from: { kind: 'UNIT', id: 'billing-dept' },
      to: { kind: 'UNIT', id: 'network-dept', region: 'GD' },
      reason: 'please help, network-dept',
      status: 'RETURNED',
      openedAt: '2026-11-23T03:00:00.000Z',
      openedBy: billingClerk,
      acceptDueAt: '2026-11-24T02:00:00.000Z',
      completeDueAt: '2026-11-25T02:00:00.000Z',
      closedAt: '2026-11-23T04:00:00.000Z',
      closedBy: watcher,
      outcomeReason: 'WRONG_UNIT',
      children: [],
    });
  });

  it('is empty for a case nobody asked for help', () => expect(chainOf([])).toEqual([]));

  it('keeps a task whose parent it cannot find at the root, rather than lose it', () =>
    expect(shape(chainOf([opened('task-9', 'task-gone', ['billing-dept', 'network-dept'], '2026-11-23T03:00:00.000Z')]))).toEqual([
      ['task-9', 'billing-dept', 'network-dept', 'REQUESTED', []],
    ]));

  describe('says of each task what /tasks says, as the task moves', () => {
    const at = '2026-11-23T02:30:00.000Z';
    const accepted = (taskId: string): CollaborationTaskEvent => ({ type: 'TaskAccepted', data: { taskId, caseId: 'case-1', by: { kind: 'UNIT', id: 'billing-dept' }, actor: billingClerk, acceptedAt: at } });
    const completed = (taskId: string): CollaborationTaskEvent => ({ type: 'TaskCompleted', data: { taskId, caseId: 'case-1', result: '已退费', actor: billingClerk, completedAt: at } });
    const noted = (taskId: string): CollaborationTaskEvent => ({ type: 'TaskNoteAdded', data: { taskId, caseId: 'case-1', by: { kind: 'UNIT', id: 'billing-dept' }, note: '在查', actor: billingClerk, addedAt: at } });
    const statusOf = (taskEvents: readonly CollaborationTaskEvent[], caseEvents: readonly WorkflowCaseEvent[] = events) =>
      Object.fromEntries(chainOf(caseEvents, taskEvents).flatMap(function flat(link): [string, string][] {
        return [[link.taskId, link.status], ...link.children.flatMap(flat)];
      }));

    it('REQUESTED until its target accepts it, then ACCEPTED (a note moves nothing)', () =>
      expect(statusOf([noted('task-1'), accepted('task-1')])).toMatchObject({ 'task-1': 'ACCEPTED', 'task-4': 'REQUESTED' }));

    it('COMPLETED as soon as the task is, before the case has recorded it (closedAt stays null until then)', () => {
      expect(statusOf([accepted('task-1'), completed('task-1')])).toMatchObject({ 'task-1': 'COMPLETED' });
      expect(chainOf(events, [completed('task-1')])[0]).toMatchObject({ status: 'COMPLETED', closedAt: null, outcomeReason: null });
    });

    it('never moves back: the case’s own record of an ending, or a task event read again, leaves it', () =>
      expect(statusOf([accepted('task-3'), completed('task-3'), accepted('task-3')])).toMatchObject({ 'task-3': 'COMPLETED', 'task-2': 'RETURNED' }));
  });
});
