import { IllegalTransition, assertNever, type Decider, type DecisionContext } from '@collab/domain-kernel';
import type { CaseSummary, WorkflowCaseEvent } from './case.events';
import { route, type RoutingRule } from './routing';

/** Sent by the routing process manager when intake opened a case. */
export interface RegisterAndRouteCase {
  readonly type: 'RegisterAndRouteCase';
  readonly summary: CaseSummary;
  readonly rules?: readonly RoutingRule[];
}

export type WorkflowCaseCommand = RegisterAndRouteCase;

export type WorkflowCaseState =
  | { readonly status: 'none' }
  | { readonly status: 'registered'; readonly summary: CaseSummary }
  | { readonly status: 'assigned'; readonly summary: CaseSummary; readonly queue: string };

const evolve = (state: WorkflowCaseState, event: WorkflowCaseEvent): WorkflowCaseState => {
  switch (event.type) {
    case 'CaseRegistered':
      return { status: 'registered', summary: event.data };
    case 'CaseAssigned':
      return state.status === 'none' ? state : { status: 'assigned', summary: state.summary, queue: event.data.queue };
    default:
      return assertNever(event);
  }
};

const decide = (command: WorkflowCaseCommand, state: WorkflowCaseState, context: DecisionContext): WorkflowCaseEvent[] => {
  switch (command.type) {
    case 'RegisterAndRouteCase': {
      if (state.status !== 'none') throw new IllegalTransition('RegisterAndRouteCase', state.status, 'the case is already registered');
      const decision = route(command.summary, command.rules);
      return [
        { type: 'CaseRegistered', data: command.summary },
        { type: 'CaseAssigned', data: { caseId: command.summary.caseId, ...decision, assignedAt: context.now.toISOString() } },
      ];
    }
    default:
      return assertNever(command.type);
  }
};

export const workflowCaseDecider: Decider<WorkflowCaseCommand, WorkflowCaseEvent, WorkflowCaseState> = {
  initialState: () => ({ status: 'none' }),
  evolve,
  decide,
};

export const workflowCaseStreamId = (caseId: string): string => `case-${caseId}`;
