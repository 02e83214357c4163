import { assertNever, type Party } from '@collab/domain-kernel';
import type { WorkflowCaseEvent } from './case.events';
import type { CollaborationTaskEvent } from './collaboration-task/task.events';

/** Business minutes between two instants in the unit's own calendar, e.g. through businessTimeBetween. */
export type MeasureBusinessTime = (unitId: string, from: Date, to: Date) => number;

/** One stretch of the chain during which one unit held the case or one of its tasks. */
export interface Leg {
  /** Who held it: the queue (QUEUE) on the case's main line, or the task's target (UNIT or PARTNER). */
  readonly holder: Party;
  readonly kind: 'CASE' | 'TASK';
  readonly taskId: string | null;
  /** The task this one was asked for, for drawing the chain; null on the main line and for the owner's tasks. */
  readonly parentTaskId: string | null;
  readonly from: string;
  /** When the unit let go; null while it still holds it. */
  readonly to: string | null;
  /** Business minutes in the unit's own calendar, up to `to` or, while held, up to `asOf`. */
  readonly heldBusinessMinutes: number;
}

interface Stretch {
  readonly holder: Party;
  readonly taskId: string | null;
  readonly parentTaskId: string | null;
  readonly from: string;
  readonly to: string | null;
}

interface Line {
  readonly done: readonly Stretch[];
  readonly holding: Stretch | null;
}

const release = (line: Line, at: string): Line =>
  line.holding === null ? line : { done: [...line.done, { ...line.holding, to: at }], holding: null };

const take = (line: Line, queue: string, at: string): Line => ({
  done: release(line, at).done,
  holding: { holder: { kind: 'QUEUE', id: queue }, taskId: null, parentTaskId: null, from: at, to: null },
});

/** What a case event does to the case's main line: a queue takes the case, or its holder lets go. */
export type MainLineMove =
  | { readonly move: 'take'; readonly unit: string; readonly at: string }
  | { readonly move: 'release'; readonly at: string };

/**
 * The main line: a queue holds the case from routing or transfer until resolution, the next
 * transfer, or cancellation; reopening takes it again. Null for every other event: owners change,
 * work starts and tasks open inside the queue's hold, so the queue still holds the case.
 */
export const mainLineMoveOf = (event: WorkflowCaseEvent): MainLineMove | null => {
  if (event.type === 'CaseQueued') return { move: 'take', unit: event.data.queue, at: event.data.assignedAt };
  if (event.type === 'CaseTransferred') return { move: 'take', unit: event.data.to.queue, at: event.data.transferredAt };
  if (event.type === 'CaseReopened') return { move: 'take', unit: event.data.queue, at: event.data.reopenedAt };
  if (event.type === 'CaseResolved') return { move: 'release', at: event.data.resolvedAt };
  if (event.type === 'CaseCancelled') return { move: 'release', at: event.data.cancelledAt };
  return null;
};

const mainLine = (line: Line, event: WorkflowCaseEvent): Line => {
  const moved = mainLineMoveOf(event);
  if (moved === null) return line;
  return moved.move === 'take' ? take(line, moved.unit, moved.at) : release(line, moved.at);
};

/** When a task event ends the target's hold (completed, returned, withdrawn); null for one that does not. */
export const taskHoldEndOf = (event: CollaborationTaskEvent): string | null => {
  switch (event.type) {
    case 'TaskCompleted':
      return event.data.completedAt;
    case 'TaskReturned':
      return event.data.returnedAt;
    case 'TaskWithdrawn':
      return event.data.withdrawnAt;
    case 'CollaborationRequested':
    case 'TaskAccepted':
    case 'TaskNoteAdded':
    case 'TaskUrged':
      return null;
    default:
      return assertNever(event);
  }
};

/** A task's target holds it from the request until it completes, returns or is withdrawn. */
const taskStretches = (events: readonly CollaborationTaskEvent[]): Stretch[] => {
  const stretches = new Map<string, Stretch>();
  for (const event of events) {
    const { taskId } = event.data;
    if (event.type === 'CollaborationRequested') {
      const { to, parentTaskId, requestedAt } = event.data;
      stretches.set(taskId, { holder: { kind: to.kind, id: to.id }, taskId, parentTaskId, from: requestedAt, to: null });
      continue;
    }
    const held = stretches.get(taskId);
    const end = taskHoldEndOf(event);
    if (held !== undefined && held.to === null && end !== null) stretches.set(taskId, { ...held, to: end });
  }
  return [...stretches.values()];
};

/**
 * The legs of a case: how long each unit held it, on its main line and in every collaboration
 * task of the chain, each measured in that unit's business time. Pass the events up to `asOf`
 * (a case as it was then); a leg still held is measured up to `asOf`. Ordered by start, main
 * line first on a tie.
 */
export const legsOf = (
  history: {
    readonly caseEvents: readonly WorkflowCaseEvent[];
    readonly taskEvents: readonly CollaborationTaskEvent[];
  },
  measure: MeasureBusinessTime,
  asOf: Date,
): Leg[] => {
  const line = history.caseEvents.reduce(mainLine, { done: [], holding: null });
  const main = [...line.done, ...(line.holding === null ? [] : [line.holding])].map((stretch) => ({
    stretch,
    kind: 'CASE' as const,
  }));
  const tasks = taskStretches(history.taskEvents).map((stretch) => ({ stretch, kind: 'TASK' as const }));
  return [...main, ...tasks]
    .sort((a, b) => Date.parse(a.stretch.from) - Date.parse(b.stretch.from))
    .map(({ stretch, kind }) => {
      const from = new Date(stretch.from);
      const until = stretch.to === null ? asOf : new Date(stretch.to);
      return { ...stretch, kind, heldBusinessMinutes: until > from ? measure(stretch.holder.id, from, until) : 0 };
    });
};
