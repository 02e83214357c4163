import type { RecordedEvent } from '@collab/event-store';
import { taskViewOf } from '../task-view/task-view.fold';
import { partnerTaskOf, statusOfProto } from './partner-task.message';

const recorded = (streamVersion: number, type: string, data: Record<string, unknown>): RecordedEvent =>
  ({ id: `e${streamVersion}`, streamId: 'task-t1', streamVersion, position: BigInt(100 + streamVersion), type, data, metadata: {}, recordedAt: new Date() }) as unknown as RecordedEvent;
const asker = { id: 'agent-ann', kind: 'user' };
const requested = recorded(1, 'CollaborationRequested', {
  taskId: 't1', caseId: 'c1', parentTaskId: null, from: { kind: 'QUEUE', id: 'front-line' }, to: { kind: 'PARTNER', id: 'reseller-gd', region: 'GD' },
  reason: 'please check', sla: { calendarId: 'cn-standard', acceptWithinBusinessMinutes: 60, completeWithinBusinessMinutes: 480 },
  acceptDueAt: '2026-11-30T04:00:00.000Z', completeDueAt: '2026-11-30T10:00:00.000Z', actor: asker, requestedAt: '2026-11-30T02:00:00.000Z',
});
const withdrawn = recorded(2, 'TaskWithdrawn', { taskId: 't1', caseId: 'c1', reason: 'no longer needed', actor: asker, withdrawnAt: '2026-11-30T03:00:00.000Z' });

describe('a task in the partner contract’s words', () => {
  it('is WITHDRAWN to its target once the unit that asked withdrew it, as in every other view', () =>
    expect(partnerTaskOf(taskViewOf([requested, withdrawn])!, undefined, 0).status).toBe('TASK_STATUS_WITHDRAWN'));

  it('filters on WITHDRAWN, and on its deprecated old name CANCELLED for callers built before', () => {
    expect(statusOfProto('TASK_STATUS_WITHDRAWN')).toBe('WITHDRAWN');
    expect(statusOfProto('TASK_STATUS_CANCELLED')).toBe('WITHDRAWN');
    expect(statusOfProto('TASK_STATUS_REQUESTED')).toBe('REQUESTED');
  });
});
