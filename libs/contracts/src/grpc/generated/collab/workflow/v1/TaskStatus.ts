// Original file: proto/collab/workflow/v1/partner_collaboration_service.proto

/**
 * TaskStatus: requested → accepted → completed, or returned; cancelled when the case owner
 * withdraws it.
 */
export const TaskStatus = {
  TASK_STATUS_UNSPECIFIED: 'TASK_STATUS_UNSPECIFIED',
  TASK_STATUS_REQUESTED: 'TASK_STATUS_REQUESTED',
  TASK_STATUS_ACCEPTED: 'TASK_STATUS_ACCEPTED',
  TASK_STATUS_COMPLETED: 'TASK_STATUS_COMPLETED',
  TASK_STATUS_RETURNED: 'TASK_STATUS_RETURNED',
  TASK_STATUS_CANCELLED: 'TASK_STATUS_CANCELLED',
} as const;

/**
 * TaskStatus: requested → accepted → completed, or returned; cancelled when the case owner
 * withdraws it.
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
  | 'TASK_STATUS_CANCELLED'
  | 5

/**
 * TaskStatus: requested → accepted → completed, or returned; cancelled when the case owner
 * withdraws it.
 */
export type TaskStatus__Output = typeof TaskStatus[keyof typeof TaskStatus]
