import type { Decider } from '@collab/domain-kernel';
import { decideAssignment, evolveAssignment, type CaseAssignmentCommand } from './case-assignment';
import { decideClosing, evolveClosing, type CaseClosingCommand } from './case-closing';
import {
  decideCollaboration,
  evolveCollaboration,
  type CaseCollaborationCommand,
} from './case-collaboration';
import type { WorkflowCaseCommand } from './case.commands';
import { isAssignmentEvent, isCollaborationEvent, type WorkflowCaseEvent } from './case.events';
import type { CaseDecisionContext } from './case-policy';
import type { WorkflowCaseState } from './case.state';

export type { RegisterAndRouteCase, WorkflowCaseCommand } from './case.commands';
export type { WorkflowCaseState } from './case.state';

/** Which phase each command belongs to; a Record, so a command left out is a compile error. */
const PHASE_OF_COMMAND: Readonly<
  Record<WorkflowCaseCommand['type'], 'assignment' | 'collaboration' | 'closing'>
> = {
  RegisterAndRouteCase: 'assignment',
  AssignCase: 'assignment',
  ReassignCase: 'assignment',
  TransferCase: 'assignment',
  StartWork: 'assignment',
  RequestCollaboration: 'collaboration',
  RecordCollaborationOutcome: 'collaboration',
  ResolveCase: 'closing',
  ConfirmResolution: 'closing',
  AutoCloseCase: 'closing',
  RecordFeedback: 'closing',
  ReopenCase: 'closing',
  CancelCase: 'closing',
};

const isAssignmentCommand = (command: WorkflowCaseCommand): command is CaseAssignmentCommand =>
  PHASE_OF_COMMAND[command.type] === 'assignment';
const isCollaborationCommand = (command: WorkflowCaseCommand): command is CaseCollaborationCommand =>
  PHASE_OF_COMMAND[command.type] === 'collaboration';

const evolve = (state: WorkflowCaseState, event: WorkflowCaseEvent): WorkflowCaseState => {
  if (isAssignmentEvent(event)) return evolveAssignment(state, event);
  if (isCollaborationEvent(event)) return evolveCollaboration(state, event);
  return evolveClosing(state, event);
};

const decide = (
  command: WorkflowCaseCommand,
  state: WorkflowCaseState,
  context: CaseDecisionContext,
): WorkflowCaseEvent[] => {
  if (isAssignmentCommand(command)) return decideAssignment(command, state, context);
  if (isCollaborationCommand(command)) return decideCollaboration(command, state, context);
  const closing: CaseClosingCommand = command;
  return decideClosing(closing, state, context);
};

/**
 * The case after intake opened it: queued → assigned → in progress (⇄ collaborating) → resolved →
 * closed, with reopen and cancel where sensible. A command the state does not allow is refused
 * with IllegalTransition naming the state and why; invalid input with ValidationFailed.
 */
export const workflowCaseDecider: Decider<
  WorkflowCaseCommand,
  WorkflowCaseEvent,
  WorkflowCaseState,
  CaseDecisionContext
> = {
  initialState: () => ({ status: 'none' }),
  evolve,
  decide,
};

export const workflowCaseStreamId = (caseId: string): string => `case-${caseId}`;
