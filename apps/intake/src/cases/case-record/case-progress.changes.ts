import type { CollabEvent } from '@collab/contracts';
import type { SqlExecutor } from '@collab/messaging';

/*
 * What each of workflow's public case events changes in intake.case_progress. The shapes are the
 * fields intake reads of libs/contracts/schemas/workflow/<Name>.v1.schema.json. The stored status
 * ASSIGNED means in a queue, with or without an owner yet; readers show it as QUEUED while nobody
 * holds the case (case-records.ts), so rows already stored need no migration.
 */

const COLUMNS = ['status', 'queue', 'assignee', 'assigned_at', 'resolved_at', 'closed_at'] as const;
type Column = (typeof COLUMNS)[number];
/**
 * How an event moves the count of collaboration tasks the case has open, which readers show as
 * COLLABORATING while above 0 (case-records.ts): one more, one fewer, or none left (cancelled).
 */
type OpenTasksMove = 'one-more' | 'one-fewer' | 'none';
export type ProgressChange = Partial<Record<Column, string | null>> & { readonly openTasks?: OpenTasksMove };

/** The stored count after the move, as SQL over the row before it (`intake.case_progress.open_tasks`). */
const OPEN_TASKS_AFTER: Readonly<Record<OpenTasksMove, string>> = {
  'one-more': 'intake.case_progress.open_tasks + 1',
  'one-fewer': 'greatest(intake.case_progress.open_tasks - 1, 0)',
  none: '0',
};

type Data = Readonly<Record<string, unknown>>;
const text = (data: Data, field: string): string => String(data[field]);

const CHANGES: Readonly<Record<string, (data: Data) => ProgressChange>> = {
  'collab.workflow.CaseAssigned.v1': (d) => ({ status: 'ASSIGNED', queue: text(d, 'queue'), assigned_at: text(d, 'assignedAt') }),
  'collab.workflow.CaseQueued.v1': (d) => ({ status: 'ASSIGNED', queue: text(d, 'queue'), assigned_at: text(d, 'queuedAt') }),
  'collab.workflow.CaseAssignedToAgent.v1': (d) => ({
    status: 'ASSIGNED',
    queue: text(d, 'queue'),
    assignee: text(d, 'agentId'),
    assigned_at: text(d, 'assignedAt'),
  }),
  'collab.workflow.CaseAssignedToAgent.v2': (d) => ({
    status: 'ASSIGNED',
    queue: text(d, 'queue'),
    assignee: text(d, 'agentId'),
    assigned_at: text(d, 'assignedAt'),
  }),
  'collab.workflow.CaseReassigned.v1': (d) => ({ assignee: text(d, 'toAgentId') }),
  // v2 adds only the capacity override, which intake does not show.
  'collab.workflow.CaseReassigned.v2': (d) => ({ assignee: text(d, 'toAgentId') }),
  // The case waits in the new queue for an owner.
  'collab.workflow.CaseTransferred.v1': (d) => ({
    status: 'ASSIGNED',
    queue: (d['to'] as { queue: string }).queue,
    assignee: null,
    assigned_at: text(d, 'transferredAt'),
  }),
  'collab.workflow.CaseWorkStarted.v1': () => ({ status: 'IN_PROGRESS' }),
  'collab.workflow.CaseResolved.v1': (d) => ({ status: 'RESOLVED', resolved_at: text(d, 'resolvedAt') }),
  'collab.workflow.CaseClosed.v1': (d) => ({ status: 'CLOSED', closed_at: text(d, 'closedAt') }),
  // closed_at is when the case ended, by closing or by cancelling; the status says which.
  'collab.workflow.CaseCancelled.v1': (d) => ({ status: 'CANCELLED', closed_at: text(d, 'cancelledAt'), openTasks: 'none' }),
  // Workflow's case decider calls the case collaborating while a task it opened has not been recorded as ended.
  'collab.workflow.CollaborationTaskOpened.v1': () => ({ openTasks: 'one-more' }),
  // v2 names who asked with its kind, which intake does not show.
  'collab.workflow.CollaborationTaskOpened.v2': () => ({ openTasks: 'one-more' }),
  'collab.workflow.CollaborationTaskClosed.v1': () => ({ openTasks: 'one-fewer' }),
  // Its last owner works it again (workflow shows it assigned until work restarts); no longer resolved nor closed.
  'collab.workflow.CaseReopened.v1': (d) => ({
    status: 'ASSIGNED',
    queue: text(d, 'queue'),
    assignee: text(d, 'agentId'),
    resolved_at: null,
    closed_at: null,
  }),
  // v2: without room for its last owner the case waits in its queue (no assignee) from the reopening.
  'collab.workflow.CaseReopened.v2': (d) => ({
    status: 'ASSIGNED',
    queue: text(d, 'queue'),
    assignee: d['waitsForRoom'] === true ? null : text(d, 'agentId'),
    ...(d['waitsForRoom'] === true ? { assigned_at: text(d, 'reopenedAt') } : {}),
    resolved_at: null,
    closed_at: null,
  }),
};

/** The change the event makes, or undefined when intake does not follow that event. */
export const progressChangeOf = (event: CollabEvent): ProgressChange | undefined => CHANGES[event.type]?.(event.data);

/**
 * Applies the change to the case's row. Only a newer event of the case's workflow stream moves
 * the row (Kafka keeps order per stream; replays must not rewind). A row is born ASSIGNED: the
 * first event workflow publishes about a case after registering it is its queue.
 */
export const applyProgress = (tx: SqlExecutor, event: CollabEvent, change: ProgressChange): Promise<unknown> => {
  const columns = COLUMNS.filter((column) => column in change);
  const inserted = columns.filter((column) => column !== 'status');
  const values = [String(event.data['caseId']), event.streamversion, change.status ?? 'ASSIGNED', change.openTasks === 'one-more' ? 1 : 0, ...inserted.map((column) => change[column] ?? null)];
  const updates = [
    ...[...columns, 'workflow_version'].map((column) => `${column} = excluded.${column}`),
    ...(change.openTasks === undefined ? [] : [`open_tasks = ${OPEN_TASKS_AFTER[change.openTasks]}`]),
  ].join(', ');
  return tx.query(
    `insert into intake.case_progress (case_id, workflow_version, status, open_tasks${inserted.map((column) => `, ${column}`).join('')})
     values ($1, $2, $3, $4${inserted.map((_, index) => `, $${index + 5}`).join('')})
     on conflict (case_id) do update set ${updates}
     where intake.case_progress.workflow_version < excluded.workflow_version`,
    values,
  );
};
