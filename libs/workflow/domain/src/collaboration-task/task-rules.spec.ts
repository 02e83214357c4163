import { Forbidden, IllegalTransition, TooSoon } from '@collab/domain-kernel';
import { iso, owner } from '../case.fixtures';
import { childWithdrawals, openTasksBelow } from './task-rules';
import {
  billingClerk,
  collaborationRequested,
  completeTask,
  returnTask,
  taskAccepted,
  taskCompleted,
  taskRefusalOf,
  taskReturned,
  taskSpecAround,
  taskUrged,
  urgeTask,
} from './task.fixtures';

const accepted = [collaborationRequested(), taskAccepted()];
const withChildren = { openChildTaskIds: ['task-2', 'task-3'] };
const parent = {
  taskId: 'task-1',
  caseId: 'case-1',
  from: { kind: 'QUEUE' as const, id: 'complaints' },
  to: { kind: 'UNIT' as const, id: 'billing-dept', region: 'CN' },
};

describe('a parent task with open children', () => {
  it('is not completed or returned while they are open, and the refusal names them', () => {
    for (const command of [completeTask(), returnTask()]) {
      const refusal = taskRefusalOf(accepted, command, withChildren);
      expect(refusal).toBeInstanceOf(IllegalTransition);
      expect(refusal).toMatchObject({
        message: expect.stringContaining('tasks task-2, task-3 it asked for are still open'),
      });
    }
  });

  it('is completed when the caller withdraws them explicitly', () =>
    taskSpecAround(withChildren)
      .given(...accepted)
      .when(completeTask({ withdrawOpenChildren: true }))
      .then(taskCompleted()));

  it('is returned when the caller withdraws them explicitly', () =>
    taskSpecAround(withChildren)
      .given(...accepted)
      .when(returnTask({ withdrawOpenChildren: true }))
      .then(taskReturned()));

  it('is completed as before once none is open', () =>
    taskSpecAround({ openChildTaskIds: [] })
      .given(...accepted)
      .when(completeTask())
      .then(taskCompleted()));

  it('has each open child withdrawn by the parent’s target, in the caller’s name, saying why', () => {
    const below = [{ taskId: 'task-2', from: { kind: 'UNIT' as const, id: 'billing-dept' } }];
    expect(childWithdrawals(parent, completeTask({ withdrawOpenChildren: true }), below)).toEqual([
      {
        type: 'WithdrawTask',
        taskId: 'task-2',
        byUnit: 'billing-dept',
        reason: 'parent task task-1 was completed',
        actor: billingClerk,
      },
    ]);
    expect(childWithdrawals(parent, returnTask({ withdrawOpenChildren: true }), below)[0]).toMatchObject({
      reason: 'parent task task-1 was returned',
    });
    expect(childWithdrawals(parent, completeTask(), below)).toEqual([]);
  });

  it("counts a child's own open children as below the parent too, each asked by its own parent's target", () =>
    expect(
      openTasksBelow('task-1', [
        { taskId: 'task-1', parentTaskId: null, from: { kind: 'QUEUE' as const, id: 'complaints' } },
        { taskId: 'task-2', parentTaskId: 'task-1', from: { kind: 'UNIT' as const, id: 'billing-dept' } },
        { taskId: 'task-3', parentTaskId: 'task-2', from: { kind: 'UNIT' as const, id: 'network-ops' } },
        { taskId: 'task-4', parentTaskId: null, from: { kind: 'QUEUE' as const, id: 'complaints' } },
      ]),
    ).toEqual([
      { taskId: 'task-2', from: { kind: 'UNIT' as const, id: 'billing-dept' } },
      { taskId: 'task-3', from: { kind: 'UNIT' as const, id: 'network-ops' } },
    ]));
});

describe('urging a task (催办)', () => {
  it('is allowed once per interval: a second urge within the hour is too soon, and says from when', () => {
    const refusal = taskRefusalOf([...accepted, taskUrged({ urgedAt: iso(-30) })], urgeTask());
    expect(refusal).toBeInstanceOf(TooSoon);
    expect(refusal).toMatchObject({ retryAfter: new Date(iso(30)), retryAfterSeconds: 30 * 60 });
  });

  it('is allowed again once the interval has passed', () =>
    taskSpecAround({})
      .given(...accepted, taskUrged({ urgedAt: iso(-60) }))
      .when(urgeTask())
      .then(taskUrged({ urgeCount: 2 })));

  it('follows a configured interval', () => {
    taskSpecAround({ urgeIntervalMinutes: 10 })
      .given(...accepted, taskUrged({ urgedAt: iso(-10) }))
      .when(urgeTask())
      .then(taskUrged({ urgeCount: 2 }));
    expect(
      taskRefusalOf([...accepted, taskUrged({ urgedAt: iso(-100) })], urgeTask(), {
        urgeIntervalMinutes: 120,
      }),
    ).toBeInstanceOf(TooSoon);
  });

  it("is allowed to the case's owner even when acting for another unit", () =>
    taskSpecAround({ caseOwnerId: owner.id })
      .given(...accepted)
      .when(urgeTask({ byUnit: 'front-line-gz' }))
      .then(taskUrged()));

  it('is refused to anyone else: the target, or a third unit', () => {
    expect(
      taskRefusalOf(accepted, urgeTask({ byUnit: 'billing-dept', actor: billingClerk }), {
        caseOwnerId: owner.id,
      }),
    ).toBeInstanceOf(Forbidden);
    expect(
      taskRefusalOf(accepted, urgeTask({ byUnit: 'network-ops', actor: { id: 'net-1', kind: 'user' } }), {
        caseOwnerId: owner.id,
      }),
    ).toBeInstanceOf(Forbidden);
  });
});
