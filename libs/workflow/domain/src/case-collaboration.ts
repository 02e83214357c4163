import { IllegalTransition, ValidationFailed, assertNever, partyOf, type Party } from '@collab/domain-kernel';
import type { RecordCollaborationOutcome, RequestCollaboration } from './case.commands';
import type {
  CaseCollaborationEvent,
  CollaborationTaskClosed,
  CollaborationTaskOpened,
  WorkflowCaseEvent,
} from './case.events';
import type { CaseDecisionContext } from './case-policy';
import { requestHandoff, returnHandoff, withPingPong } from './case-ping-pong';
import { pairKey } from './ping-pong';
import {
  inStatus,
  isRouted,
  recordOf,
  requireStatus,
  type CaseIn,
  type OpenTask,
  type WorkflowCaseState,
} from './case.state';
import { alreadyDueErrors, askerOf, collaborationRequestErrors } from './collaboration-task/collaboration-request';
import { checkCollaborationSides } from './collaboration-task/request-rules';
import { rejectInvalid } from './validation';

export type CaseCollaborationCommand = RequestCollaboration | RecordCollaborationOutcome;

type Working = CaseIn<'in-progress' | 'collaborating'>;

const openTasksOf = (state: Working): readonly OpenTask[] =>
  state.status === 'collaborating' ? state.openTasks : [];

const openTask = (state: Working, taskId: string, command: string): OpenTask => {
  const task = openTasksOf(state).find((candidate) => candidate.taskId === taskId);
  if (task === undefined)
    throw new IllegalTransition(command, state.status, `task ${taskId} is not open on this case`);
  return task;
};

/** The owner's queue asks, or — for a chain — the holder of the parent task: its target, a unit or a partner. */
const askingParty = (command: RequestCollaboration, state: Working): Party =>
  command.request.parentTaskId === null
    ? { kind: 'QUEUE', id: state.desk.queue }
    : partyOf(openTask(state, command.request.parentTaskId, command.type).to);

const requestCollaboration = (
  command: RequestCollaboration,
  state: WorkflowCaseState,
  context: CaseDecisionContext,
): WorkflowCaseEvent[] => {
  requireStatus(
    state,
    ['in-progress', 'collaborating'],
    command.type,
    'help is requested while the case is being worked',
  );
  const from = askingParty(command, state);
  const { request } = command;
  const errors = [
    ...collaborationRequestErrors(request, from.id),
    ...alreadyDueErrors(request, context.now),
  ];
  rejectInvalid(errors.map((error) => ({ ...error, field: `request.${error.field}` })));
  const regionOverride = checkCollaborationSides(request.to, state.desk.region, command.sides, command.regionOverride);
  if (state.taskIds.includes(request.taskId))
    throw new ValidationFailed([
      { field: 'request.taskId', message: `task ${request.taskId} was already opened on this case` },
    ]);
  const opened: CollaborationTaskOpened = {
    type: 'CollaborationTaskOpened',
    data: {
      caseId: state.summary.caseId,
      taskId: request.taskId,
      parentTaskId: request.parentTaskId,
      from,
      to: request.to,
      reason: request.reason,
      sla: request.sla,
      acceptDueAt: request.acceptDueAt,
      completeDueAt: request.completeDueAt,
      actor: command.actor,
      openedAt: context.now.toISOString(),
      ...(regionOverride === null ? {} : { regionOverride }),
    },
  };
  return withPingPong(
    state,
    { events: [opened], handoffs: [requestHandoff(opened, from)] },
    command.supervisors,
    context,
  );
};

const recordOutcome = (
  command: RecordCollaborationOutcome,
  state: WorkflowCaseState,
  context: CaseDecisionContext,
): WorkflowCaseEvent[] => {
  if (command.outcome !== 'COMPLETED' && (command.reason ?? '').trim() === '')
    throw new ValidationFailed([
      { field: 'reason', message: `must name why the task was ${command.outcome.toLowerCase()}` },
    ]);
  requireStatus(
    state,
    ['collaborating'],
    command.type,
    'only a case with open collaboration tasks records how one ended',
  );
  const task = openTask(state, command.taskId, command.type);
  const closed: CollaborationTaskClosed = {
    type: 'CollaborationTaskClosed',
    data: {
      caseId: state.summary.caseId,
      taskId: task.taskId,
      outcome: command.outcome,
      reason: command.outcome === 'COMPLETED' ? null : command.reason,
      actor: command.actor,
      closedAt: context.now.toISOString(),
    },
  };
  return withPingPong(
    state,
    { events: [closed], handoffs: returnHandoff(task, closed) },
    command.supervisors,
    context,
  );
};

export const decideCollaboration = (
  command: CaseCollaborationCommand,
  state: WorkflowCaseState,
  context: CaseDecisionContext,
): WorkflowCaseEvent[] => {
  switch (command.type) {
    case 'RequestCollaboration':
      return requestCollaboration(command, state, context);
    case 'RecordCollaborationOutcome':
      return recordOutcome(command, state, context);
    default:
      return assertNever(command);
  }
};

/** Who asked for a task, as the case knows it: the case holds a chain's parent (open), so its target's kind (askerOf). */
const askerOnCase = (state: Working, { data }: CollaborationTaskOpened): Party =>
  askerOf(data.from, openTasksOf(state).find((task) => task.taskId === data.parentTaskId)?.to);

const taskOpened = (state: WorkflowCaseState, event: CollaborationTaskOpened): WorkflowCaseState => {
  if (!inStatus(state, 'in-progress', 'collaborating')) return state;
  const { taskId, parentTaskId, to } = event.data;
  const from = askerOnCase(state, event);
  return {
    ...recordOf(state),
    status: 'collaborating',
    ownerId: state.ownerId,
    openTasks: [...openTasksOf(state), { taskId, parentTaskId, from, to }],
    taskIds: [...state.taskIds, taskId],
    handoffs: [...state.handoffs, requestHandoff(event, from)],
  };
};

const taskClosed = (state: WorkflowCaseState, event: CollaborationTaskClosed): WorkflowCaseState => {
  if (state.status !== 'collaborating') return state;
  const task = state.openTasks.find((candidate) => candidate.taskId === event.data.taskId);
  if (task === undefined) return state;
  const openTasks = state.openTasks.filter((candidate) => candidate !== task);
  const record = { ...recordOf(state), handoffs: [...state.handoffs, ...returnHandoff(task, event)] };
  return openTasks.length === 0
    ? { ...record, status: 'in-progress', ownerId: state.ownerId }
    : { ...record, status: 'collaborating', ownerId: state.ownerId, openTasks };
};

export const evolveCollaboration = (
  state: WorkflowCaseState,
  event: CaseCollaborationEvent,
): WorkflowCaseState => {
  switch (event.type) {
    case 'CollaborationTaskOpened':
      return taskOpened(state, event);
    case 'CollaborationTaskClosed':
      return taskClosed(state, event);
    case 'PingPongDetected': {
      const [a, b] = event.data.sides;
      return isRouted(state)
        ? { ...state, pingPongPairs: [...state.pingPongPairs, pairKey(a.party.id, b.party.id)] }
        : state;
    }
    default:
      return assertNever(event);
  }
};
