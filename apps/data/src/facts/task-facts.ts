import { rowsOf, type SqlExecutor } from '@collab/messaging';
import { askerOfVersion1, pingPongSideOfVersion1, type workflowLanguage, type PublicMessage } from '@collab/contracts';
import { businessMinutes, calendarMinutes } from './business-minutes';
import { recordFact } from './fact-store';
import { moveTaskStatus } from './task-status';

export const TASK_FACT_TYPES = ['CollaborationRequested', 'TaskAccepted', 'TaskCompleted', 'TaskReturned', 'TaskWithdrawn', 'SlaWarning', 'SlaBreached', 'PingPongDetected'] as const;
type TaskMessage = PublicMessage<typeof workflowLanguage, (typeof TASK_FACT_TYPES)[number]>;

interface TaskRow {
  from_unit: string;
  to_kind: string;
  to_id: string;
  calendar_id: string;
  requested_at: Date;
}

const taskOf = async (tx: SqlExecutor, taskId: string | null): Promise<TaskRow | undefined> =>
  taskId === null ? undefined : (rowsOf(await tx.query('select from_unit, to_kind, to_id, calendar_id, requested_at from data.task_dim where task_id = $1', [taskId]))[0] as TaskRow | undefined);

/** Who a task asks, as the cube's unit or partner dimension. */
const servedBy = (task: TaskRow | undefined) =>
  task === undefined ? {} : { fromUnit: task.from_unit, ...(task.to_kind === 'PARTNER' ? { partner: task.to_id } : { unit: task.to_id }) };

/** How long the task took from its request to `endedAt`, in calendar and the task calendar's business minutes. */
const turnaround = (task: TaskRow | undefined, endedAt: string) =>
  task === undefined
    ? {}
    : { calendarMinutes: calendarMinutes(task.requested_at.toISOString(), endedAt), businessMinutes: businessMinutes(task.calendar_id, task.requested_at.toISOString(), endedAt) };

/** Collaboration (协同) facts: hand-offs, their outcomes and turnaround, SLA warnings and breaches, ping-pong. */
export const applyTaskFact = async (tx: SqlExecutor, message: TaskMessage): Promise<void> => {
  const eventId = message.envelope.id;
  const base = { eventId, source: 'workflow' as const };
  if (isWatch(message)) return watchFact(tx, base, message);
  switch (message.type) {
    case 'CollaborationRequested': {
      const { taskId, caseId, parentTaskId, fromUnit, to, sla, requestedAt, reason } = message.data;
      // The reader lifts v1 to v2, so `from` is there; the fallback is the upcaster's own rule.
      const from = message.data.from ?? askerOfVersion1(fromUnit, parentTaskId);
      await tx.query(
        `insert into data.task_dim (task_id, case_id, from_unit, from_kind, to_kind, to_id, region, calendar_id, requested_at, status)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'REQUESTED') on conflict (task_id) do nothing`,
        [taskId, caseId, from.id, from.kind, to.kind, to.id, to.region, sla.calendarId, new Date(requestedAt)],
      );
      const row: TaskRow = { from_unit: from.id, to_kind: to.kind, to_id: to.id, calendar_id: sla.calendarId, requested_at: new Date(requestedAt) };
      return recordFact(tx, { ...base, kind: 'TASK_REQUESTED', at: requestedAt, caseId, taskId, ...servedBy(row), detail: { reason, region: to.region } });
    }
    case 'TaskAccepted': {
      const { taskId, caseId, acceptedAt } = message.data;
      const task = await taskOf(tx, taskId);
      await moveTaskStatus(tx, taskId, 'ACCEPTED');
      return recordFact(tx, { ...base, kind: 'TASK_ACCEPTED', at: acceptedAt, caseId, taskId, ...servedBy(task), ...turnaround(task, acceptedAt) });
    }
    case 'TaskCompleted': {
      const { taskId, caseId, completedAt, result } = message.data;
      const task = await taskOf(tx, taskId);
      await moveTaskStatus(tx, taskId, 'COMPLETED');
      return recordFact(tx, { ...base, kind: 'TASK_COMPLETED', at: completedAt, caseId, taskId, ...servedBy(task), ...turnaround(task, completedAt), detail: { result } });
    }
    case 'TaskReturned': {
      const { taskId, caseId, returnedAt, reasonCode } = message.data;
      const task = await taskOf(tx, taskId);
      await moveTaskStatus(tx, taskId, 'RETURNED');
      return recordFact(tx, { ...base, kind: 'TASK_RETURNED', at: returnedAt, caseId, taskId, ...servedBy(task), ...turnaround(task, returnedAt), detail: { reasonCode } });
    }
    // The leg's status only: withdrawal is no fact kind (the cube's and KPI definitions' list), and no turnaround of the asked unit.
    case 'TaskWithdrawn':
      return moveTaskStatus(tx, message.data.taskId, 'WITHDRAWN');
  }
};

const WATCH_TYPES = ['SlaWarning', 'SlaBreached', 'PingPongDetected'] as const;
type WatchMessage = Extract<TaskMessage, { type: (typeof WATCH_TYPES)[number] }>;
const isWatch = (message: TaskMessage): message is WatchMessage => (WATCH_TYPES as readonly string[]).includes(message.type);

/** What workflow's watches saw: an SLA clock warned or breached, a hand-off bouncing between two parties. */
const watchFact = (tx: SqlExecutor, base: { eventId: string; source: 'workflow' }, message: WatchMessage): Promise<void> => {
  switch (message.type) {
    case 'SlaWarning':
      return slaFact(tx, { ...base, kind: 'SLA_WARNING', at: message.data.warnedAt }, message.data);
    case 'SlaBreached':
      return slaFact(tx, { ...base, kind: 'SLA_BREACHED', at: message.data.breachedAt }, message.data);
    case 'PingPongDetected': {
      const { caseId, units, bounces, detectedAt } = message.data;
      // The reader lifts v1 to v2, so `sides` is there; the fallback is the upcaster's own rule.
      const [first, second] = (message.data.sides ?? units.map(pingPongSideOfVersion1)).map(({ party }) => party);
      // The first side in the asker's column (a queue or a unit, as a task's from_unit); the second as the cube's unit or partner.
      const served = second === undefined ? {} : second.kind === 'PARTNER' ? { partner: second.id } : { unit: second.id };
      return recordFact(tx, { ...base, kind: 'PING_PONG', at: detectedAt, caseId, fromUnit: first?.id, ...served, detail: { bounces } });
    }
  }
};

/** A warning or breach of a case or task clock; a task's is the unit's or partner's it asked. */
const slaFact = async (
  tx: SqlExecutor,
  fact: { eventId: string; source: 'workflow'; kind: 'SLA_WARNING' | 'SLA_BREACHED'; at: string },
  { caseId, taskId, clockKey, dueAt }: { caseId: string; taskId: string | null; clockKey: string; dueAt: string },
): Promise<void> => recordFact(tx, { ...fact, caseId, taskId, ...servedBy(await taskOf(tx, taskId)), detail: { clockKey, dueAt } });
