import { Forbidden, NotFound, assertNever, partyOf, type Decider, type DecisionContext, type Party } from '@collab/domain-kernel';
import { requireNoOpenChildren, requireUrgeAllowed } from './task-rules';
import { rejectInvalid, requireText } from '../validation';
import { collaborationRequestErrors } from './collaboration-request';
import { DEFAULT_RETURN_REASONS, returnReasonErrors, type ReturnReasonList } from './return-reasons';
import type * as C from './task.commands';
import type { CollaborationRequested, CollaborationTaskEvent } from './task.events';
import {
  IllegalTaskTransition,
  requireOpenTask,
  type CollaborationTaskState,
  type OpenTaskState,
  type TaskParties,
} from './task.state';

/**
 * The task decider's context: the time, the managed return-reason list when not the default, and
 * what the handler looked up about the task's surroundings for the rules of task-rules.ts.
 */
export interface TaskDecisionContext extends DecisionContext {
  readonly returnReasons?: ReturnReasonList;
  /** The tasks this one asked for that are still open (its children in a chain). */
  readonly openChildTaskIds?: readonly string[];
  /** The person who owns the task's case now; they may urge a task their unit did not ask. */
  readonly caseOwnerId?: string | null;
  /** 催办 at most once per this many minutes per task; DEFAULT_URGE_INTERVAL_MINUTES when absent. */
  readonly urgeIntervalMinutes?: number;
}

type Command = C.CollaborationTaskCommand;
type Event = CollaborationTaskEvent;
type State = CollaborationTaskState;

/** A task that does not exist is not found (404); the rest need its parties. */
const partiesOf = (state: State, taskId: string): TaskParties => {
  if (state.status === 'none') throw new NotFound('collaboration task', taskId);
  return state.task;
};

const requireTarget = (task: TaskParties, byUnit: string, doing: string): void => {
  if (byUnit !== task.to.id)
    throw new Forbidden(`only ${task.to.id}, which the task is addressed to, ${doing}`);
};
const requireAsker = (task: TaskParties, byUnit: string, doing: string): void => {
  if (byUnit !== task.from.id) throw new Forbidden(`only ${task.from.id}, which asked, ${doing}`);
};

/** The side of the task `byUnit` acts for (checked before): the asker, else the target. */
const sideOf = (task: TaskParties, byUnit: string): Party => (byUnit === task.from.id ? task.from : partyOf(task.to));

const create = (command: C.CreateCollaborationTask, state: State, { now }: TaskDecisionContext): Event[] => {
  const { request } = command;
  rejectInvalid([
    ...requireText('caseId', command.caseId),
    ...requireText('from.id', command.from.id),
    ...collaborationRequestErrors(request, command.from.id).map((error) => ({
      ...error,
      field: `request.${error.field}`,
    })),
  ]);
  if (state.status !== 'none')
    throw new IllegalTaskTransition(command.type, state.status, `task ${request.taskId} exists already`);
  const data = {
    taskId: request.taskId,
    caseId: command.caseId,
    parentTaskId: request.parentTaskId,
    from: partyOf(command.from),
    to: request.to,
    reason: request.reason,
    sla: request.sla,
    acceptDueAt: request.acceptDueAt,
    completeDueAt: request.completeDueAt,
    actor: command.actor,
    requestedAt: now.toISOString(),
  };
  return [{ type: 'CollaborationRequested', data }];
};

const accept = (command: C.AcceptTask, state: State, { now }: TaskDecisionContext): Event[] => {
  const task = partiesOf(state, command.taskId);
  requireTarget(task, command.byUnit, 'accepts it');
  if (state.status !== 'requested')
    throw new IllegalTaskTransition(command.type, state.status, 'only a requested task is accepted');
  return [
    {
      type: 'TaskAccepted',
      data: {
        taskId: task.taskId,
        caseId: task.caseId,
        by: { kind: task.to.kind, id: task.to.id },
        actor: command.actor,
        acceptedAt: now.toISOString(),
      },
    },
  ];
};

const addNote = (command: C.AddTaskNote, state: State, { now }: TaskDecisionContext): Event[] => {
  rejectInvalid(requireText('note', command.note));
  const task = partiesOf(state, command.taskId);
  if (command.byUnit !== task.from.id)
    requireTarget(task, command.byUnit, `or ${task.from.id}, which asked, add notes`);
  requireOpenTask(state, command.type, 'notes are added while the task is open');
  const data = {
    taskId: task.taskId,
    caseId: task.caseId,
    by: sideOf(task, command.byUnit),
    note: command.note,
    actor: command.actor,
    addedAt: now.toISOString(),
  };
  return [{ type: 'TaskNoteAdded', data }];
};

const complete = (command: C.CompleteTask, state: State, context: TaskDecisionContext): Event[] => {
  rejectInvalid(requireText('result', command.result));
  const task = partiesOf(state, command.taskId);
  requireTarget(task, command.byUnit, 'completes it');
  if (state.status !== 'accepted')
    throw new IllegalTaskTransition(
      command.type,
      state.status,
      state.status === 'requested' ? 'accept the task first' : 'only an accepted task is completed',
    );
  requireNoOpenChildren(command, state.status, context);
  const data = {
    taskId: task.taskId,
    caseId: task.caseId,
    result: command.result,
    actor: command.actor,
    completedAt: context.now.toISOString(),
  };
  return [{ type: 'TaskCompleted', data }];
};

const giveBack = (command: C.ReturnTask, state: State, context: TaskDecisionContext): Event[] => {
  rejectInvalid([
    ...returnReasonErrors(context.returnReasons ?? DEFAULT_RETURN_REASONS, command.reasonCode),
    ...requireText('note', command.note),
  ]);
  const task = partiesOf(state, command.taskId);
  requireTarget(task, command.byUnit, 'returns it');
  requireOpenTask(state, command.type, 'only an open task is returned');
  requireNoOpenChildren(command, state.status, context);
  const data = {
    taskId: task.taskId,
    caseId: task.caseId,
    reasonCode: command.reasonCode,
    note: command.note,
    actor: command.actor,
    returnedAt: context.now.toISOString(),
  };
  return [{ type: 'TaskReturned', data }];
};

const urge = (command: C.UrgeTask, state: State, context: TaskDecisionContext): Event[] => {
  const { now } = context;
  const task = partiesOf(state, command.taskId);
  if (command.actor.id !== context.caseOwnerId)
    requireAsker(task, command.byUnit, `or the case's owner urges it`);
  requireOpenTask(state, command.type, 'only an open task is urged');
  requireUrgeAllowed(state, context);
  const data = {
    taskId: task.taskId,
    caseId: task.caseId,
    note: command.note,
    urgeCount: state.urges + 1,
    actor: command.actor,
    urgedAt: now.toISOString(),
  };
  return [{ type: 'TaskUrged', data }];
};

const withdraw = (command: C.WithdrawTask, state: State, { now }: TaskDecisionContext): Event[] => {
  rejectInvalid(requireText('reason', command.reason));
  const task = partiesOf(state, command.taskId);
  requireAsker(task, command.byUnit, 'withdraws it');
  requireOpenTask(state, command.type, 'only an open task is withdrawn');
  const data = {
    taskId: task.taskId,
    caseId: task.caseId,
    reason: command.reason,
    actor: command.actor,
    withdrawnAt: now.toISOString(),
  };
  return [{ type: 'TaskWithdrawn', data }];
};

const decide = (command: Command, state: State, context: TaskDecisionContext): Event[] => {
  switch (command.type) {
    case 'CreateCollaborationTask':
      return create(command, state, context);
    case 'AcceptTask':
      return accept(command, state, context);
    case 'AddTaskNote':
      return addNote(command, state, context);
    case 'CompleteTask':
      return complete(command, state, context);
    case 'ReturnTask':
      return giveBack(command, state, context);
    case 'UrgeTask':
      return urge(command, state, context);
    case 'WithdrawTask':
      return withdraw(command, state, context);
    default:
      return assertNever(command);
  }
};

const isOpen = (state: State): state is OpenTaskState =>
  state.status === 'requested' || state.status === 'accepted';

const requested = (state: State, { data }: CollaborationRequested): State =>
  state.status === 'none'
    ? {
        status: 'requested',
        task: { taskId: data.taskId, caseId: data.caseId, from: data.from, to: data.to },
        urges: 0,
        lastUrgedAt: null,
      }
    : state;

const ended = (state: State, status: 'completed' | 'returned' | 'withdrawn'): State =>
  isOpen(state) ? { status, task: state.task } : state;

const evolve = (state: State, event: Event): State => {
  switch (event.type) {
    case 'CollaborationRequested':
      return requested(state, event);
    case 'TaskAccepted':
      return state.status === 'requested' ? { ...state, status: 'accepted' } : state;
    case 'TaskNoteAdded':
      return state;
    case 'TaskCompleted':
      return ended(state, 'completed');
    case 'TaskReturned':
      return ended(state, 'returned');
    case 'TaskUrged':
      return isOpen(state) ? { ...state, urges: state.urges + 1, lastUrgedAt: event.data.urgedAt } : state;
    case 'TaskWithdrawn':
      return ended(state, 'withdrawn');
    default:
      return assertNever(event);
  }
};

/**
 * 协同单 on its own stream: requested → accepted → completed; returned (退单) by the target or
 * withdrawn by the asker while open; notes and urges (催办) while open. Only the target accepts,
 * completes and returns; only the asking unit withdraws, and it or the case's owner urges
 * (Forbidden otherwise), once per interval (TooSoon). A task with open children ends only when
 * the caller withdraws them explicitly (task-rules.ts).
 */
export const collaborationTaskDecider: Decider<Command, Event, State, TaskDecisionContext> = {
  initialState: () => ({ status: 'none' }),
  evolve,
  decide,
};

export const collaborationTaskStreamId = (taskId: string): string => `task-${taskId}`;
