// Original file: proto/collab/workflow/v1/partner_collaboration_service.proto

/**
 * TaskStatus: requested → accepted → completed, or returned; withdrawn when the unit that asked
 * no longer needs the help. The same words as every other view of a task (REST /tasks, the case's chain).
 */
export const TaskStatus = {
  TASK_STATUS_UNSPECIFIED: 'TASK_STATUS_UNSPECIFIED',
  TASK_STATUS_REQUESTED: 'TASK_STATUS_REQUESTED',
  TASK_STATUS_ACCEPTED: 'TASK_STATUS_ACCEPTED',
  TASK_STATUS_COMPLETED: 'TASK_STATUS_COMPLETED',
  TASK_STATUS_RETURNED: 'TASK_STATUS_RETURNED',
  /**
   * The old name of a withdrawn task: no longer sent (TASK_STATUS_WITHDRAWN is), still accepted as a filter.
   * @deprecated
   */
  TASK_STATUS_CANCELLED: 'TASK_STATUS_CANCELLED',
  TASK_STATUS_WITHDRAWN: 'TASK_STATUS_WITHDRAWN',
} as const;

/**
 * TaskStatus: requested → accepted → completed, or returned; withdrawn when the unit that asked
 * no longer needs the help. The same words as every other view of a task (REST /tasks, the case's chain).
 */
export type TaskStatus =
  | 'TASK_STATUS_UNSPECIFIED'
  | 0
  | 'TASK_STATUS_REQUESTED'
  | 1
  | 'TASK_STATUS_ACCEPTED'
  | 2
  | 'TASK_STATUS_COMPLETED'
  | 3
  | 'TASK_STATUS_RETURNED'
  | 4
  /**
   * The old name of a withdrawn task: no longer sent (TASK_STATUS_WITHDRAWN is), still accepted as a filter.
   */
  | 'TASK_STATUS_CANCELLED'
  | 5
  | 'TASK_STATUS_WITHDRAWN'
  | 6

/**
 * TaskStatus: requested → accepted → completed, or returned; withdrawn when the unit that asked
 * no longer needs the help. The same words as every other view of a task (REST /tasks, the case's chain).
 */
export type TaskStatus__Output = typeof TaskStatus[keyof typeof TaskStatus]
