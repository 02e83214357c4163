import { partyOf, type Party } from '@collab/domain-kernel';
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

const queue = (id: string): Party => ({ kind: 'QUEUE', id });

/** A transfer moves the case from one queue to another. */
export const transferHandoff = ({ data }: CaseTransferred): Handoff => ({
  from: queue(data.from.queue),
  to: queue(data.to.queue),
  at: data.transferredAt,
  kind: 'TRANSFER',
});

/** A request goes from who asked (as the case knows it: askerOf) to the unit or partner asked. */
export const requestHandoff = ({ data }: CollaborationTaskOpened, asker: Party): Handoff => ({
  from: partyOf(asker),
  to: partyOf(data.to),
  at: data.openedAt,
  kind: 'REQUEST',
});

/** Only a return (退单) hands the work back, from the task's target to who asked; a completed or withdrawn task is not a bounce. */
export const returnHandoff = (task: OpenTask, { data }: CollaborationTaskClosed): Handoff[] =>
  data.outcome === 'RETURNED'
    ? [{ from: partyOf(task.to), to: partyOf(task.from), at: data.closedAt, kind: 'RETURN' }]
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
