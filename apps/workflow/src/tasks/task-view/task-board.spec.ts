import type { Repository } from 'typeorm';
import { NotFound } from '@collab/domain-kernel';
import type { EventStore, RecordedEvent } from '@collab/event-store';
import type { Principal } from '@collab/service-kit';
import type { CasePromise } from '../../cases/case-promise/case-promise.entity';
import type { TaskParties } from '../task-parties';
import { TaskBoard } from './task-board';
import type { TaskView } from './task-view.entity';

/*
 * A command's answer when the task view lags: with workflow in several replicas, the projections
 * run in the lease holder only, and under load the view may not have the task within the patience.
 * Seen in faults/workflow-replicas.e2e: notes answered 404 after they were kept, and each one sent
 * again was kept again (6 times each).
 */

const clerk: Principal = { sub: 'billing-clerk', audience: 'INTERNAL', roles: ['back-office'], unit: 'billing' } as unknown as Principal;
const recorded = (streamVersion: number, type: string, data: Record<string, unknown>): RecordedEvent =>
  ({ id: `e${streamVersion}`, streamId: 'task-t1', streamVersion, position: BigInt(100 + streamVersion), type, data, metadata: {}, recordedAt: new Date() }) as unknown as RecordedEvent;
const requested = recorded(1, 'CollaborationRequested', {
  taskId: 't1', caseId: 'c1', parentTaskId: null, from: { kind: 'QUEUE', id: 'front-line' }, to: { kind: 'UNIT', id: 'billing', region: 'CN' },
  reason: 'please check', sla: {}, acceptDueAt: '2026-11-30T04:00:00.000Z', completeDueAt: '2026-11-30T10:00:00.000Z',
  actor: { id: 'agent-ann', kind: 'user' }, requestedAt: '2026-11-30T02:00:00.000Z',
});
const noted = recorded(2, 'TaskNoteAdded', { taskId: 't1', caseId: 'c1', by: { kind: 'UNIT', id: 'billing' }, note: '已核实', actor: { id: 'billing-clerk', kind: 'user' }, addedAt: '2026-11-30T02:05:00.000Z' });

const boardWith = (projected: TaskView | null): TaskBoard =>
  new TaskBoard(
    { findOneBy: () => Promise.resolve(projected) } as unknown as Repository<TaskView>,
    { findOneBy: () => Promise.resolve(null) } as unknown as Repository<CasePromise>,
    { of: () => Promise.resolve({ party: 'billing', ids: ['billing'], scope: { reach: 'sides', held: ['billing'], asked: ['billing'], partOf: ['billing'] } }) } as unknown as TaskParties,
    { readStream: () => Promise.resolve([requested, noted]) } as unknown as EventStore,
  );

/** Runs `answer` past the read-your-writes patience without waiting for it. */
const pastThePatience = async <T>(answer: Promise<T>): Promise<T> => {
  await jest.advanceTimersByTimeAsync(6_000);
  return answer;
};

describe('the task board answering a command', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('answers with the task as its stream has it when the view has not the task yet, never 404', async () => {
    const details = await pastThePatience(boardWith(null).one('t1', clerk, 2));
    expect(details).toMatchObject({ id: 't1', status: 'REQUESTED', notes: [expect.objectContaining({ note: '已核实', by: 'billing-clerk' })] });
  });

  it('answers from the stream when the view shows the task at an older version', async () => {
    const older = { id: 't1', fromId: 'front-line', fromKind: 'QUEUE', targetId: 'billing', version: 1, notes: [] } as unknown as TaskView;
    const details = await pastThePatience(boardWith(older).one('t1', clerk, 2));
    expect(details.notes).toHaveLength(1);
  });

  it('still says not found to a plain read of a task the view does not have', async () => {
    await expect(boardWith(null).one('t1', clerk)).rejects.toBeInstanceOf(NotFound);
  });
});
