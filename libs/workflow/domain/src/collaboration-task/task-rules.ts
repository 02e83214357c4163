import { TooSoon, type Party } from '@collab/domain-kernel';
import type { CompleteTask, ReturnTask, WithdrawTask } from './task.commands';
import { IllegalTaskTransition, type OpenTaskState, type TaskParties, type TaskStatus } from './task.state';

/** 催办 once an hour per task unless the deployment says otherwise: business-independent, on the wall clock. */
export const DEFAULT_URGE_INTERVAL_MINUTES = 60;

const MS_PER_MINUTE = 60_000;

/** What the rules read of the task decider's context (TaskDecisionContext). */
interface RuleContext {
  readonly now: Date;
  readonly openChildTaskIds?: readonly string[];
  readonly urgeIntervalMinutes?: number;
}

/**
 * A parent task does not end behind its children's backs: while a task it asked for is open, it is
 * completed or returned only when the caller says `withdrawOpenChildren` (and the handler withdraws
 * them first, see childWithdrawals); otherwise 409, naming the open children.
 */
export const requireNoOpenChildren = (
  command: CompleteTask | ReturnTask,
  status: TaskStatus,
  { openChildTaskIds = [] }: RuleContext,
): void => {
  if (openChildTaskIds.length === 0 || command.withdrawOpenChildren === true) return;
  throw new IllegalTaskTransition(
    command.type,
    status,
    `tasks ${openChildTaskIds.join(', ')} it asked for are still open; wait for them, or repeat with withdrawOpenChildren: true to withdraw them`,
  );
};

/** At most one urge per task per interval, counted from the last one. */
export const requireUrgeAllowed = (state: OpenTaskState, context: RuleContext): void => {
  if (state.lastUrgedAt === null) return;
  const interval = context.urgeIntervalMinutes ?? DEFAULT_URGE_INTERVAL_MINUTES;
  const next = new Date(Date.parse(state.lastUrgedAt) + interval * MS_PER_MINUTE);
  if (context.now < next)
    throw new TooSoon(
      `task ${state.task.taskId} was urged at ${state.lastUrgedAt}; it may be urged again from ${next.toISOString()}`,
      next,
      context.now,
    );
};

/** An open task below the one ending (a child, or a child's child), and the unit that asked for it. */
export interface OpenDescendant {
  readonly taskId: string;
  readonly from: Party;
}

/**
 * The withdrawals that let a parent end: each open task below it is withdrawn by the unit that
 * asked for it (the parent's target for a child), in the caller's name, saying which parent ended and how.
 */
export const childWithdrawals = (
  parent: TaskParties,
  ending: CompleteTask | ReturnTask,
  openBelow: readonly OpenDescendant[],
): WithdrawTask[] =>
  ending.withdrawOpenChildren === true
    ? openBelow.map(({ taskId, from }) => ({
        type: 'WithdrawTask',
        taskId,
        byUnit: from.id,
        reason: `parent task ${parent.taskId} was ${ending.type === 'CompleteTask' ? 'completed' : 'returned'}`,
        actor: ending.actor,
      }))
    : [];

/** Every task below `taskId` in the case's chain of open tasks, children before their own children. */
export const openTasksBelow = (
  taskId: string,
  openTasks: readonly {
    readonly taskId: string;
    readonly parentTaskId: string | null;
    readonly from: Party;
  }[],
): OpenDescendant[] => {
  const children = openTasks.filter((task) => task.parentTaskId === taskId);
  return children.flatMap((child) => [
    { taskId: child.taskId, from: child.from },
    ...openTasksBelow(child.taskId, openTasks),
  ]);
};
