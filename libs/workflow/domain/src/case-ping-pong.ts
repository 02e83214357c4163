import type { SupervisorDirectory } from './actor';
import type {
  CaseTransferred,
  CollaborationTaskClosed,
  CollaborationTaskOpened,
  WorkflowCaseEvent,
} from './case.events';
import { DEFAULT_CASE_POLICY, type CaseDecisionContext } from './case-policy';
import type { OpenTask, RoutedCase } from './case.state';
import { detectPingPong, type Handoff } from './ping-pong';

/* The hand-offs a case event makes; decide and evolve both use these, so they cannot disagree. */

export const transferHandoff = ({ data }: CaseTransferred): Handoff => ({
  from: data.from.queue,
  to: data.to.queue,
  at: data.transferredAt,
  kind: 'TRANSFER',
});

export const requestHandoff = ({ data }: CollaborationTaskOpened): Handoff => ({
  from: data.from.id,
  to: data.to.id,
  at: data.openedAt,
  kind: 'REQUEST',
});

/** Only a return (退单) hands the work back; a completed or withdrawn task is not a bounce. */
export const returnHandoff = (task: OpenTask, { data }: CollaborationTaskClosed): Handoff[] =>
  data.outcome === 'RETURNED'
    ? [{ from: task.to.id, to: task.from.id, at: data.closedAt, kind: 'RETURN' }]
    : [];

/** The decided events, followed by a PingPongDetected for each pair the new hand-offs pushed over the threshold. */
export const withPingPong = (
  state: RoutedCase,
  decided: { readonly events: readonly WorkflowCaseEvent[]; readonly handoffs: readonly Handoff[] },
  supervisors: SupervisorDirectory | undefined,
  context: CaseDecisionContext,
): WorkflowCaseEvent[] => [
  ...decided.events,
  ...detectPingPong([...state.handoffs, ...decided.handoffs], {
    caseId: state.summary.caseId,
    maxBounces: (context.policy ?? DEFAULT_CASE_POLICY).pingPongMaxBounces,
    supervisors: supervisors ?? {},
    alreadyRaised: state.pingPongPairs,
    at: context.now.toISOString(),
  }),
];
