import type { RecordedEvent } from '@collab/event-store';
import {
  collaborationTaskStreamId,
  mainLineMoveOf,
  caseOutcomeFor,
  taskHoldEndOf,
  workflowCaseStreamId,
  type CollaborationTaskEvent,
  type PartnerChanged,
  type PartnerRegistered,
  type QueueEvent,
  type UnitEvent,
  type TaskOutcome,
  type WorkflowCaseEvent,
} from '@collab/workflow-domain';
import type { Link } from '../get-case/case-chain';

/** Whose leg: the main line is held by a queue, a task by the unit or partner asked. */
export type LegKind = 'CASE' | 'TASK';

interface At {
  readonly caseId: string;
  /** The version, in its own stream, of the event that makes the change. */
  readonly version: number;
}

/** What one event of workflow's log changes in the course of a case (or in the clocks legs run on). */
export type CourseChange =
  | (At & { readonly change: 'take'; readonly unit: string; readonly at: string })
  | (At & { readonly change: 'release'; readonly at: string })
  | (At & { readonly change: 'link-opened'; readonly link: Link })
  | (At & { readonly change: 'link-closed'; readonly taskId: string; readonly closed: Pick<Link, 'status' | 'closedAt' | 'closedBy' | 'outcomeReason'> })
  | (At & { readonly change: 'task-taken'; readonly taskId: string; readonly parentTaskId: string | null; readonly unit: string; readonly at: string })
  | (At & { readonly change: 'task-released'; readonly taskId: string; readonly at: string; readonly status: TaskOutcome })
  | (At & { readonly change: 'task-moved'; readonly taskId: string; readonly status: 'ACCEPTED' | null })
  | HolderChange;

/** A queue's unit, or a unit's or partner's calendar, as the org directory's streams say; `defines` for the first event of the stream. */
export interface HolderChange {
  readonly change: 'holder';
  readonly id: string;
  readonly holder: 'QUEUE' | 'UNIT' | 'PARTNER';
  readonly defines: boolean;
  readonly unitId: string | null;
  readonly calendarId: string | null;
  readonly version: number;
}

const CASE_STREAM = workflowCaseStreamId('');
const TASK_STREAM = collaborationTaskStreamId('');

const caseChangeOf = (event: WorkflowCaseEvent, at: At): CourseChange | null => {
  if (event.type === 'CollaborationTaskOpened') {
    const { taskId, parentTaskId, from, to, reason, openedAt, actor, acceptDueAt, completeDueAt } = event.data;
    const link = { taskId, parentTaskId, from, to, reason, status: 'REQUESTED', openedAt, openedBy: actor, acceptDueAt, completeDueAt, closedAt: null, closedBy: null, outcomeReason: null } as const;
    return { ...at, change: 'link-opened', link };
  }
  if (event.type === 'CollaborationTaskClosed') {
    const { taskId, outcome, closedAt, actor, reason } = event.data;
    return { ...at, change: 'link-closed', taskId, closed: { status: outcome, closedAt, closedBy: actor, outcomeReason: reason } };
  }
  const moved = mainLineMoveOf(event);
  if (moved === null) return null;
  return moved.move === 'take' ? { ...at, change: 'take', unit: moved.unit, at: moved.at } : { ...at, change: 'release', at: moved.at };
};

/**
 * A task's events move its leg and, in the task's own words (as /tasks shows it), its link's status;
 * each one is seen by the link (its task version), whether it moves the status or not (a note, an urge).
 */
const taskChangeOf = (event: CollaborationTaskEvent, at: At): CourseChange | null => {
  const { taskId } = event.data;
  if (event.type === 'CollaborationRequested')
    return { ...at, change: 'task-taken', taskId, parentTaskId: event.data.parentTaskId, unit: event.data.to.id, at: event.data.requestedAt };
  const end = taskHoldEndOf(event);
  const ended = caseOutcomeFor(event);
  if (end !== null && ended !== null) return { ...at, change: 'task-released', taskId, at: end, status: ended.outcome };
  return { ...at, change: 'task-moved', taskId, status: event.type === 'TaskAccepted' ? 'ACCEPTED' : null };
};

/** The directory's events that move a clock; agents, responsibilities, id claims and a partner's (de)activation move none. */
type HolderEvent = Exclude<QueueEvent, { type: 'QueueRetired' }> | UnitEvent | PartnerRegistered | PartnerChanged;
/** The org directory's events that move a leg's clock. */
export const COURSE_HOLDER_EVENT_TYPES = ['QueueDefined', 'QueueChanged', 'UnitDefined', 'UnitChanged', 'PartnerRegistered', 'PartnerChanged'] as const;
const HOLDER_EVENTS = new Set<string>(COURSE_HOLDER_EVENT_TYPES);
const DEFINING = new Set<string>(['QueueDefined', 'UnitDefined', 'PartnerRegistered']);

const holderChangeOf = (event: HolderEvent, version: number): HolderChange => {
  const base = { change: 'holder', version, defines: DEFINING.has(event.type) } as const;
  switch (event.type) {
    case 'QueueDefined':
    case 'QueueChanged':
      return { ...base, id: event.data.queueId, holder: 'QUEUE', unitId: event.data.unitId ?? null, calendarId: null };
    case 'UnitDefined':
    case 'UnitChanged':
      return { ...base, id: event.data.unitId, holder: 'UNIT', unitId: null, calendarId: event.data.calendarId ?? null };
    case 'PartnerRegistered':
    case 'PartnerChanged':
      return { ...base, id: event.data.partnerId, holder: 'PARTNER', unitId: null, calendarId: event.data.calendarId ?? null };
  }
};

/** The change an event of workflow's log makes to a case's legs or chain, or to a holder's clock; null for the rest. */
export const courseChangeOf = (recorded: RecordedEvent): CourseChange | null => {
  const event = { type: recorded.type, data: recorded.data };
  const at = { caseId: String(recorded.data['caseId']), version: recorded.streamVersion };
  if (recorded.streamId.startsWith(CASE_STREAM)) return caseChangeOf(event as WorkflowCaseEvent, at);
  if (recorded.streamId.startsWith(TASK_STREAM)) return taskChangeOf(event as CollaborationTaskEvent, at);
  return HOLDER_EVENTS.has(recorded.type) ? holderChangeOf(event as unknown as HolderEvent, recorded.streamVersion) : null;
};
