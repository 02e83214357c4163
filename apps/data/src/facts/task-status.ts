import type { SqlExecutor } from '@collab/messaging';
import { OPEN_TASK_STATUSES, type TaskStatusWord } from '@collab/domain-kernel';

/**
 * Moves a task forward in the shared words (TASK_STATUSES): accepted only from requested, ended only
 * while open, so a redelivered or late step never takes a task back (laterTaskStatus, in SQL).
 */
export const moveTaskStatus = async (tx: SqlExecutor, taskId: string, status: Exclude<TaskStatusWord, 'REQUESTED'>): Promise<void> => {
  const from: readonly TaskStatusWord[] = status === 'ACCEPTED' ? ['REQUESTED'] : OPEN_TASK_STATUSES;
  await tx.query('update data.task_dim set status = $2 where task_id = $1 and status = any($3::text[])', [taskId, status, from]);
};
