/* Test fixtures for the collaboration task specs. Not exported from the lib. */
import { fold, specFor } from '@collab/domain-kernel';
import type { ActorRef } from '../actor';
import { T0, collaborationRequest, iso, owner } from '../case.fixtures';
import type { ReturnReasonList } from './return-reasons';
import type * as C from './task.commands';
import { collaborationTaskDecider, type TaskDecisionContext } from './task.decider';
import type * as E from './task.events';

export const billingClerk: ActorRef = { id: 'billing-clerk', kind: 'user' };

export const createTask = (o: Partial<C.CreateCollaborationTask> = {}): C.CreateCollaborationTask => ({
  type: 'CreateCollaborationTask',
  caseId: 'case-1',
  from: { kind: 'QUEUE', id: 'complaints' },
  request: collaborationRequest(),
  actor: owner,
  ...o,
});
export const acceptTask = (o: Partial<C.AcceptTask> = {}): C.AcceptTask => ({
  type: 'AcceptTask',
  taskId: 'task-1',
  byUnit: 'billing-dept',
  actor: billingClerk,
  ...o,
});
export const addTaskNote = (o: Partial<C.AddTaskNote> = {}): C.AddTaskNote => ({
  type: 'AddTaskNote',
  taskId: 'task-1',
  byUnit: 'billing-dept',
  note: '请提供扣费短信截图',
  actor: billingClerk,
  ...o,
});
export const completeTask = (o: Partial<C.CompleteTask> = {}): C.CompleteTask => ({
  type: 'CompleteTask',
  taskId: 'task-1',
  byUnit: 'billing-dept',
  result: '已冲正 30 元',
  actor: billingClerk,
  ...o,
});
export const returnTask = (o: Partial<C.ReturnTask> = {}): C.ReturnTask => ({
  type: 'ReturnTask',
  taskId: 'task-1',
  byUnit: 'billing-dept',
  reasonCode: 'WRONG_UNIT',
  note: '应由网络部处理',
  actor: billingClerk,
  ...o,
});
export const urgeTask = (o: Partial<C.UrgeTask> = {}): C.UrgeTask => ({
  type: 'UrgeTask',
  taskId: 'task-1',
  byUnit: 'complaints',
  note: '客户第三次来电',
  actor: owner,
  ...o,
});
export const withdrawTask = (o: Partial<C.WithdrawTask> = {}): C.WithdrawTask => ({
  type: 'WithdrawTask',
  taskId: 'task-1',
  byUnit: 'complaints',
  reason: '客户撤诉',
  actor: owner,
  ...o,
});

export const collaborationRequested = (
  d: Partial<E.CollaborationRequested['data']> = {},
): E.CollaborationRequested => {
  const r = collaborationRequest();
  return {
    type: 'CollaborationRequested',
    data: {
      taskId: r.taskId,
      caseId: 'case-1',
      parentTaskId: r.parentTaskId,
      from: { kind: 'QUEUE', id: 'complaints' },
      to: r.to,
      reason: r.reason,
      sla: r.sla,
      acceptDueAt: r.acceptDueAt,
      completeDueAt: r.completeDueAt,
      actor: owner,
      requestedAt: iso(),
      ...d,
    },
  };
};
export const taskAccepted = (d: Partial<E.TaskAccepted['data']> = {}): E.TaskAccepted => ({
  type: 'TaskAccepted',
  data: {
    taskId: 'task-1',
    caseId: 'case-1',
    by: { kind: 'UNIT', id: 'billing-dept' },
    actor: billingClerk,
    acceptedAt: iso(),
    ...d,
  },
});
export const taskNoteAdded = (d: Partial<E.TaskNoteAdded['data']> = {}): E.TaskNoteAdded => ({
  type: 'TaskNoteAdded',
  data: {
    taskId: 'task-1',
    caseId: 'case-1',
    by: { kind: 'UNIT', id: 'billing-dept' },
    note: '请提供扣费短信截图',
    actor: billingClerk,
    addedAt: iso(),
    ...d,
  },
});
export const taskCompleted = (d: Partial<E.TaskCompleted['data']> = {}): E.TaskCompleted => ({
  type: 'TaskCompleted',
  data: {
    taskId: 'task-1',
    caseId: 'case-1',
    result: '已冲正 30 元',
    actor: billingClerk,
    completedAt: iso(),
    ...d,
  },
});
export const taskReturned = (d: Partial<E.TaskReturned['data']> = {}): E.TaskReturned => ({
  type: 'TaskReturned',
  data: {
    taskId: 'task-1',
    caseId: 'case-1',
    reasonCode: 'WRONG_UNIT',
    note: '应由网络部处理',
    actor: billingClerk,
    returnedAt: iso(),
    ...d,
  },
});
export const taskUrged = (d: Partial<E.TaskUrged['data']> = {}): E.TaskUrged => ({
  type: 'TaskUrged',
  data: {
    taskId: 'task-1',
    caseId: 'case-1',
    note: '客户第三次来电',
    urgeCount: 1,
    actor: owner,
    urgedAt: iso(),
    ...d,
  },
});
export const taskWithdrawn = (d: Partial<E.TaskWithdrawn['data']> = {}): E.TaskWithdrawn => ({
  type: 'TaskWithdrawn',
  data: { taskId: 'task-1', caseId: 'case-1', reason: '客户撤诉', actor: owner, withdrawnAt: iso(), ...d },
});

export const taskSpec = (returnReasons?: ReturnReasonList) =>
  specFor(collaborationTaskDecider, returnReasons === undefined ? { now: T0 } : { now: T0, returnReasons });

/** The spec with what the handler looked up around the task: its open children, the case's owner, the urge interval. */
export const taskSpecAround = (around: Omit<TaskDecisionContext, 'now'>) =>
  specFor(collaborationTaskDecider, { now: T0, ...around });

/** The error a refused task command throws. */
export const taskRefusalOf = (
  history: readonly E.CollaborationTaskEvent[],
  command: C.CollaborationTaskCommand,
  around: Omit<TaskDecisionContext, 'now'> = {},
): unknown => {
  try {
    collaborationTaskDecider.decide(command, fold(collaborationTaskDecider, history), { now: T0, ...around });
  } catch (error) {
    return error;
  }
  throw new Error(`expected ${command.type} to be refused`);
};
