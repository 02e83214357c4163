/**
 * A collaboration task's (协同单) status in every view that shows one: the task list (/tasks), the
 * case's chain (流程穿越) and the workbench. requested → accepted → completed, or returned (退单),
 * or withdrawn by the unit that asked. The partner gRPC contract says TASK_STATUS_WITHDRAWN (its
 * TASK_STATUS_CANCELLED, the old name, is deprecated and still read as a filter).
 */
export const TASK_STATUSES = ['REQUESTED', 'ACCEPTED', 'COMPLETED', 'RETURNED', 'WITHDRAWN'] as const;
export type TaskStatusWord = (typeof TASK_STATUSES)[number];

/** The statuses of a task still waiting on its target. */
export const OPEN_TASK_STATUSES = ['REQUESTED', 'ACCEPTED'] as const;

const STEP: Readonly<Record<TaskStatusWord, number>> = { REQUESTED: 0, ACCEPTED: 1, COMPLETED: 2, RETURNED: 2, WITHDRAWN: 2 };

/**
 * The later of two statuses of one task. A task only moves forward (requested, accepted, ended), so
 * a view told of its steps by two streams (the task's own and its case's) in any order, or twice,
 * ends on the same word. An unknown stored word (OPEN, from before this vocabulary) counts as REQUESTED.
 */
export const laterTaskStatus = <Known extends string>(known: Known, next: TaskStatusWord): Known | TaskStatusWord =>
  known in STEP && STEP[known as TaskStatusWord] >= STEP[next] ? known : next;
