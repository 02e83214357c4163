import { IllegalTransition, assertNever, type FieldError } from '@collab/domain-kernel';
import type {
  AutoCloseCase,
  CancelCase,
  ConfirmResolution,
  RecordFeedback,
  ReopenCase,
  ResolveCase,
} from './case.commands';
import type {
  CaseClosingEvent,
  CaseClosure,
  CaseReopened,
  CaseResolved,
  WorkflowCaseEvent,
} from './case.events';
import { hasRoom } from './agent-assignment';
import { DEFAULT_CASE_POLICY, minutesAfter, type CaseDecisionContext } from './case-policy';
import { inStatus, isRouted, recordOf, requireStatus, type WorkflowCaseState } from './case.state';
import { isBlank, rejectInvalid, requireText } from './validation';

export type CaseClosingCommand =
  ResolveCase | ConfirmResolution | AutoCloseCase | RecordFeedback | ReopenCase | CancelCase;

const articleErrors = (ids: readonly string[]): FieldError[] =>
  ids.flatMap((id, index) => {
    if (isBlank(id)) return [{ field: `knowledgeArticleIds[${index}]`, message: 'must not be empty' }];
    return ids.indexOf(id) === index
      ? []
      : [{ field: `knowledgeArticleIds[${index}]`, message: `${id} is listed twice` }];
  });

const resolve = (
  command: ResolveCase,
  state: WorkflowCaseState,
  { now }: CaseDecisionContext,
): WorkflowCaseEvent[] => {
  rejectInvalid([
    ...requireText('resolutionCode', command.resolutionCode),
    ...articleErrors(command.knowledgeArticleIds),
  ]);
  if (state.status === 'collaborating')
    throw new IllegalTransition(
      command.type,
      state.status,
      `collaboration tasks ${state.openTasks.map((task) => task.taskId).join(', ')} are still open`,
    );
  requireStatus(state, ['in-progress'], command.type, 'only a case being worked is resolved');
  const data = {
    caseId: state.summary.caseId,
    resolutionCode: command.resolutionCode,
    knowledgeArticleIds: command.knowledgeArticleIds,
    note: command.note,
    actor: command.actor,
    resolvedAt: now.toISOString(),
  };
  return [{ type: 'CaseResolved', data }];
};

const close = (
  command: ConfirmResolution | AutoCloseCase,
  state: WorkflowCaseState,
  context: CaseDecisionContext,
): WorkflowCaseEvent[] => {
  requireStatus(state, ['resolved'], command.type, 'only a resolved case is closed');
  let closure: CaseClosure = 'CONFIRMED_BY_REQUESTER';
  if (command.type === 'AutoCloseCase') {
    const quietUntil = minutesAfter(
      state.resolution.resolvedAt,
      (context.policy ?? DEFAULT_CASE_POLICY).autoCloseAfterMinutes,
    );
    if (context.now < quietUntil)
      throw new IllegalTransition(
        command.type,
        state.status,
        `the quiet period after resolution lasts until ${quietUntil.toISOString()}`,
      );
    closure = 'QUIET_PERIOD_ELAPSED';
  }
  return [
    {
      type: 'CaseClosed',
      data: {
        caseId: state.summary.caseId,
        closure,
        actor: command.actor,
        closedAt: context.now.toISOString(),
      },
    },
  ];
};

const recordFeedback = (
  command: RecordFeedback,
  state: WorkflowCaseState,
  { now }: CaseDecisionContext,
): WorkflowCaseEvent[] => {
  if (!Number.isInteger(command.csat) || command.csat < 1 || command.csat > 5)
    rejectInvalid([{ field: 'csat', message: 'must be a whole number from 1 to 5' }]);
  requireStatus(state, ['resolved', 'closed'], command.type, 'feedback is given on a resolution');
  if (state.resolution.feedbackRecorded)
    throw new IllegalTransition(
      command.type,
      state.status,
      'feedback on this resolution was already recorded',
    );
  const data = {
    caseId: state.summary.caseId,
    csat: command.csat,
    comment: command.comment,
    actor: command.actor,
    recordedAt: now.toISOString(),
  };
  return [{ type: 'FeedbackRecorded', data }];
};

const reopen = (
  command: ReopenCase,
  state: WorkflowCaseState,
  context: CaseDecisionContext,
): WorkflowCaseEvent[] => {
  rejectInvalid(requireText('reason', command.reason));
  requireStatus(state, ['resolved', 'closed'], command.type, 'only a resolved or closed case is reopened');
  if (state.status === 'closed') {
    const windowEnds = minutesAfter(
      state.closedAt,
      (context.policy ?? DEFAULT_CASE_POLICY).reopenWithinMinutes,
    );
    if (context.now > windowEnds)
      throw new IllegalTransition(
        command.type,
        state.status,
        `the reopen window ended at ${windowEnds.toISOString()}`,
      );
  }
  // The last owner takes it back only with room; otherwise it waits in its queue for whoever has room first.
  const ownerHasRoom = command.ownerLoad !== null && hasRoom(command.ownerLoad);
  const data = {
    caseId: state.summary.caseId,
    queue: state.desk.queue,
    agentId: state.ownerId,
    waitsForRoom: !ownerHasRoom,
    actor: command.actor,
    reason: command.reason,
    reopenedAt: context.now.toISOString(),
  };
  return [{ type: 'CaseReopened', data }];
};

const cancel = (
  command: CancelCase,
  state: WorkflowCaseState,
  { now }: CaseDecisionContext,
): WorkflowCaseEvent[] => {
  rejectInvalid(requireText('reason', command.reason));
  requireStatus(
    state,
    ['queued', 'assigned', 'in-progress', 'collaborating'],
    command.type,
    'only an open, unresolved case is cancelled',
  );
  const openTaskIds = state.status === 'collaborating' ? state.openTasks.map((task) => task.taskId) : [];
  const data = {
    caseId: state.summary.caseId,
    openTaskIds,
    actor: command.actor,
    reason: command.reason,
    cancelledAt: now.toISOString(),
  };
  return [{ type: 'CaseCancelled', data }];
};

export const decideClosing = (
  command: CaseClosingCommand,
  state: WorkflowCaseState,
  context: CaseDecisionContext,
): WorkflowCaseEvent[] => {
  switch (command.type) {
    case 'ResolveCase':
      return resolve(command, state, context);
    case 'ConfirmResolution':
    case 'AutoCloseCase':
      return close(command, state, context);
    case 'RecordFeedback':
      return recordFeedback(command, state, context);
    case 'ReopenCase':
      return reopen(command, state, context);
    case 'CancelCase':
      return cancel(command, state, context);
    default:
      return assertNever(command);
  }
};

const resolved = (state: WorkflowCaseState, { data }: CaseResolved): WorkflowCaseState => {
  if (state.status !== 'in-progress') return state;
  const resolution = {
    resolutionCode: data.resolutionCode,
    resolvedAt: data.resolvedAt,
    feedbackRecorded: false,
  };
  return { ...recordOf(state), status: 'resolved', ownerId: state.ownerId, resolution };
};

const feedbackRecorded = (state: WorkflowCaseState): WorkflowCaseState =>
  inStatus(state, 'resolved', 'closed')
    ? { ...state, resolution: { ...state.resolution, feedbackRecorded: true } }
    : state;

const reopened = (state: WorkflowCaseState, { data }: CaseReopened): WorkflowCaseState => {
  if (!inStatus(state, 'resolved', 'closed')) return state;
  return data.waitsForRoom
    ? { ...recordOf(state), status: 'queued' }
    : { ...recordOf(state), status: 'assigned', ownerId: data.agentId };
};

export const evolveClosing = (state: WorkflowCaseState, event: CaseClosingEvent): WorkflowCaseState => {
  switch (event.type) {
    case 'CaseResolved':
      return resolved(state, event);
    case 'CaseClosed':
      return state.status === 'resolved'
        ? { ...state, status: 'closed', closedAt: event.data.closedAt }
        : state;
    case 'FeedbackRecorded':
      return feedbackRecorded(state);
    case 'CaseReopened':
      return reopened(state, event);
    case 'CaseCancelled':
      return isRouted(state)
        ? { ...recordOf(state), status: 'cancelled', cancelledAt: event.data.cancelledAt }
        : state;
    default:
      return assertNever(event);
  }
};
