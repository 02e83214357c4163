import type { CollabEvent } from '@collab/contracts';
import { progressChangeOf } from './case-progress.changes';

const eventOf = (name: string, data: Record<string, unknown>, version = 1): CollabEvent => ({
  specversion: '1.0',
  id: 'e1',
  source: '/collab/workflow',
  type: `collab.workflow.${name}.v${version}`,
  subject: 'case-c1',
  time: '2026-11-20T10:00:00.000Z',
  datacontenttype: 'application/json',
  dataschema: `urn:collab:schema:workflow:${name}:v${version}`,
  data: { caseId: 'c1', ...data },
  streamversion: 3,
  position: '42',
  correlationid: 'req-1',
  actor: 'user:sup-wang',
});

const at = '2026-11-20T10:00:00.000Z';

describe("what workflow's case events change in intake's case record", () => {
  it.each([
    ['CaseAssigned', { queue: 'complaints', ruleId: 'r1', assignedAt: at }, { status: 'ASSIGNED', queue: 'complaints', assigned_at: at }],
    ['CaseAssignedToAgent', { queue: 'complaints', agentId: 'agent-li', assignedAt: at }, { status: 'ASSIGNED', queue: 'complaints', assignee: 'agent-li', assigned_at: at }],
    ['CaseReassigned', { toAgentId: 'agent-zhao' }, { assignee: 'agent-zhao' }],
    ['CaseTransferred', { to: { queue: 'billing-desk', region: 'GD' }, transferredAt: at }, { status: 'ASSIGNED', queue: 'billing-desk', assignee: null, assigned_at: at }],
    ['CaseWorkStarted', { startedAt: at }, { status: 'IN_PROGRESS' }],
    ['CaseResolved', { resolvedAt: at }, { status: 'RESOLVED', resolved_at: at }],
    ['CaseClosed', { closedAt: at }, { status: 'CLOSED', closed_at: at }],
    ['CaseCancelled', { cancelledAt: at }, { status: 'CANCELLED', closed_at: at, openTasks: 'none' }],
    // Counted so that readers show COLLABORATING while the case waits on a task, as workflow does.
    ['CollaborationTaskOpened', { taskId: 't1' }, { openTasks: 'one-more' }],
    ['CollaborationTaskClosed', { taskId: 't1', outcome: 'COMPLETED' }, { openTasks: 'one-fewer' }],
    ['CaseReopened', { queue: 'complaints', agentId: 'agent-li', reopenedAt: at }, { status: 'ASSIGNED', queue: 'complaints', assignee: 'agent-li', resolved_at: null, closed_at: null }],
  ])('%s', (name, data, change) => expect(progressChangeOf(eventOf(name, data))).toEqual(change));

  it.each([
    ['CaseAssignedToAgent', { queue: 'complaints', agentId: 'agent-li', overCapacity: { load: 2, capacity: 2 }, assignedAt: at }, { status: 'ASSIGNED', queue: 'complaints', assignee: 'agent-li', assigned_at: at }],
    ['CaseReassigned', { toAgentId: 'agent-zhao', overCapacity: null }, { assignee: 'agent-zhao' }],
    ['CaseReopened', { queue: 'complaints', agentId: 'agent-li', waitsForRoom: false, reopenedAt: at }, { status: 'ASSIGNED', queue: 'complaints', assignee: 'agent-li', resolved_at: null, closed_at: null }],
    // Its last owner had no room: it waits in its queue from the reopening.
    ['CaseReopened', { queue: 'complaints', agentId: 'agent-li', waitsForRoom: true, reopenedAt: at }, { status: 'ASSIGNED', queue: 'complaints', assignee: null, assigned_at: at, resolved_at: null, closed_at: null }],
  ])('%s v2', (name, data, change) => expect(progressChangeOf(eventOf(name, data, 2))).toEqual(change));

  it.each(['FeedbackRecorded', 'TaskAccepted'])('%s changes nothing intake shows', (name) =>
    expect(progressChangeOf(eventOf(name, {}))).toBeUndefined());
});
