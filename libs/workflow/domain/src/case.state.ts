import { IllegalTransition, type Party } from '@collab/domain-kernel';
import type { CaseDesk, CaseSummary } from './case.events';
import type { CollaborationTarget } from './collaboration-task/collaboration-request';
import type { Handoff } from './ping-pong';

/** The process version a case started on; it keeps it whatever is published later. */
export interface CaseProcess {
  readonly processId: string;
  readonly processVersion: number;
  readonly stageId: string;
}

/** What every routed case keeps, whatever its status. */
export interface CaseRecord {
  readonly summary: CaseSummary;
  readonly desk: CaseDesk;
  /** Null for a case routed without a process (before process definitions, or a hand-written stream). */
  readonly process: CaseProcess | null;
  /** Every hand-off so far, for ping-pong detection. */
  readonly handoffs: readonly Handoff[];
  /** Pairs of units (pairKey) a PingPongDetected was already raised for. */
  readonly pingPongPairs: readonly string[];
  /** Every collaboration task ever opened on the case: a task id is never reused. */
  readonly taskIds: readonly string[];
}

export interface OpenTask {
  readonly taskId: string;
  readonly parentTaskId: string | null;
  /** Who asked: the case's queue, or the parent task's target for a chain. */
  readonly from: Party;
  readonly to: CollaborationTarget;
}

export interface Resolution {
  readonly resolutionCode: string;
  readonly resolvedAt: string;
  /** Feedback is taken once per resolution; a reopened and re-resolved case may be rated again. */
  readonly feedbackRecorded: boolean;
}

/**
 * The case as workflow sees it. `registered` is transient: RegisterAndRouteCase appends
 * CaseRegistered and CaseQueued together, so only a hand-written stream stops there.
 */
export type WorkflowCaseState =
  | { readonly status: 'none' }
  | { readonly status: 'registered'; readonly summary: CaseSummary }
  | (CaseRecord & { readonly status: 'queued' })
  | (CaseRecord & { readonly status: 'assigned'; readonly ownerId: string })
  | (CaseRecord & { readonly status: 'in-progress'; readonly ownerId: string })
  /** In progress with at least one collaboration task open (⇄ collaboration). */
  | (CaseRecord & {
      readonly status: 'collaborating';
      readonly ownerId: string;
      readonly openTasks: readonly OpenTask[];
    })
  | (CaseRecord & { readonly status: 'resolved'; readonly ownerId: string; readonly resolution: Resolution })
  | (CaseRecord & {
      readonly status: 'closed';
      readonly ownerId: string;
      readonly resolution: Resolution;
      readonly closedAt: string;
    })
  | (CaseRecord & { readonly status: 'cancelled'; readonly cancelledAt: string });

export type CaseStatus = WorkflowCaseState['status'];

export type CaseIn<S extends CaseStatus> = Extract<WorkflowCaseState, { readonly status: S }>;

export type RoutedCase = CaseIn<Exclude<CaseStatus, 'none' | 'registered'>>;

export const inStatus = <S extends CaseStatus>(
  state: WorkflowCaseState,
  ...statuses: readonly S[]
): state is CaseIn<S> => (statuses as readonly CaseStatus[]).includes(state.status);

export const isRouted = (state: WorkflowCaseState): state is RoutedCase =>
  !inStatus(state, 'none', 'registered');

/** Refuses `command` with IllegalTransition (409) unless the case is in one of `statuses`. */
export function requireStatus<S extends CaseStatus>(
  state: WorkflowCaseState,
  statuses: readonly S[],
  command: string,
  reason: string,
): asserts state is CaseIn<S> {
  if (!(statuses as readonly CaseStatus[]).includes(state.status))
    throw new IllegalTransition(command, state.status, reason);
}

/** The routed part of a state, without what belongs to its status. */
export const recordOf = (state: RoutedCase): CaseRecord => ({
  summary: state.summary,
  desk: state.desk,
  process: state.process,
  handoffs: state.handoffs,
  pingPongPairs: state.pingPongPairs,
  taskIds: state.taskIds,
});
