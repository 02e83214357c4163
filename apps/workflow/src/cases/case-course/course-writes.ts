import { laterTaskStatus, type TaskStatusWord } from '@collab/domain-kernel';
import { heldMinutes, shownClockOf } from '../get-case/case-legs';
import type { CourseChange, LegKind } from './case-course.changes';
import type { LegState } from './course-rows';
import type { CourseBatch } from './holder-clocks';

type Change<Kind extends CourseChange['change']> = Extract<CourseChange, { change: Kind }>;
type At = Pick<Change<'task-moved'>, 'caseId' | 'version' | 'taskId'>;

/** A leg about to open: whose, since when, and where it sits in the main line or the chain. */
interface OpeningLeg {
  readonly caseId: string;
  readonly key: string;
  readonly kind: LegKind;
  readonly unit: string;
  readonly taskId: string | null;
  readonly parentTaskId: string | null;
  readonly ordinal: number | null;
  readonly from: string;
  readonly version: number;
}

const mainLegKey = (version: number) => `case@${version}`;
const taskLegKey = (taskId: string) => `task:${taskId}`;

/** Opens a leg once, on the clock its holder runs on now; a replay meets the row and leaves it. */
const openLeg = async (batch: CourseBatch, leg: OpeningLeg): Promise<void> => {
  if (batch.rows.hasLeg(leg.caseId, leg.key)) return;
  const clock = await batch.clockOf(leg.kind, leg.unit);
  const shown = shownClockOf(leg.unit, clock);
  batch.rows.openLeg({
    case_id: leg.caseId, leg_key: leg.key, kind: leg.kind, unit: leg.unit, task_id: leg.taskId, parent_task_id: leg.parentTaskId, ordinal: leg.ordinal,
    from_at: new Date(leg.from), to_at: null, clock_holder_id: shown.clockHolder?.id ?? null, clock_holder_kind: shown.clockHolder?.kind ?? null, calendar_id: shown.calendarId, measured_in: shown.measuredIn, note: shown.note,
    calendar: clock.calendar, held_minutes: null, version: leg.version,
  });
};

/**
 * Closes the case's open legs that `which` picks at `at`, measuring each on the calendar it kept
 * while open and the case's priority; a leg closes once, so a replay changes nothing.
 */
const closeLegs = ({ rows }: CourseBatch, caseId: string, which: (leg: LegState) => boolean, closing: { at: string; version: number }): void => {
  const until = new Date(closing.at);
  for (const leg of rows.openLegs(caseId, which))
    rows.closeLeg(leg, { at: until, minutes: heldMinutes(leg.calendar, { from: leg.from_at, until }, rows.priorityOf(caseId)), version: closing.version });
};

/** The main line's leg open before this version (at most one) ends: released, or taken by the next queue. */
export const releaseMain = (batch: CourseBatch, { caseId, version, at }: Change<'release'>): Promise<void> => {
  closeLegs(batch, caseId, (leg) => leg.kind === 'CASE' && leg.ordinal !== null && leg.ordinal < version, { at, version });
  return Promise.resolve();
};

export const takeMain = async (batch: CourseBatch, change: Change<'take'>): Promise<void> => {
  await releaseMain(batch, { ...change, change: 'release' });
  const { caseId, version, unit, at } = change;
  await openLeg(batch, { caseId, key: mainLegKey(version), kind: 'CASE', unit, taskId: null, parentTaskId: null, ordinal: version, from: at, version });
};

export const takeTask = async (batch: CourseBatch, change: Change<'task-taken'>): Promise<void> => {
  const { caseId, version, taskId, parentTaskId, unit, at } = change;
  await openLeg(batch, { caseId, key: taskLegKey(taskId), kind: 'TASK', unit, taskId, parentTaskId, ordinal: null, from: at, version });
  moveLink(batch, change, 'REQUESTED');
};

/**
 * The task's link takes the task's status, as its own stream says it (the case records an ending
 * later, a cancelled case never). Guarded by the task stream's version, and a task only moves
 * forward, so a replay or the case's own word for the same ending changes nothing.
 */
const moveLink = ({ rows }: CourseBatch, { caseId, version, taskId }: At, status: TaskStatusWord | null): void => {
  const known = rows.link(caseId, taskId);
  if (known && known.task_version < version)
    rows.setLink({ ...known, status: status === null ? known.status : laterTaskStatus(known.status, status), task_version: version });
};

export const moveTask = (batch: CourseBatch, change: Change<'task-moved'>): Promise<void> => {
  moveLink(batch, change, change.status);
  return Promise.resolve();
};

export const releaseTask = (batch: CourseBatch, change: Change<'task-released'>): Promise<void> => {
  const { caseId, version, taskId, at } = change;
  closeLegs(batch, caseId, (leg) => leg.leg_key === taskLegKey(taskId), { at, version });
  moveLink(batch, change, change.status);
  return Promise.resolve();
};

/** A task the case opened joins the chain; opened again (a replay, or a reused id) it starts over, as in the fold. */
export const openLink = ({ rows }: CourseBatch, { caseId, version, link }: Change<'link-opened'>): Promise<void> => {
  const known = rows.link(caseId, link.taskId);
  if (known && known.version >= version) return Promise.resolve();
  rows.setLink({
    case_id: caseId, task_id: link.taskId, parent_task_id: link.parentTaskId, from_unit: link.from.id, from_kind: link.from.kind, target: link.to, reason: link.reason, status: link.status,
    opened_at: link.openedAt, opened_by: link.openedBy, accept_due_at: link.acceptDueAt, complete_due_at: link.completeDueAt,
    closed_at: null, closed_by: null, outcome_reason: null, ordinal: known?.ordinal ?? version, version, task_version: known?.task_version ?? 0,
  });
  return Promise.resolve();
};

/** How a task ended as the case recorded it (its status most often came first, from the task); only a later case event changes it again. */
export const closeLink = ({ rows }: CourseBatch, { caseId, version, taskId, closed }: Change<'link-closed'>): Promise<void> => {
  const known = rows.link(caseId, taskId);
  if (known && known.version < version)
    rows.setLink({ ...known, status: laterTaskStatus(known.status, closed.status), closed_at: closed.closedAt, closed_by: closed.closedBy, outcome_reason: closed.outcomeReason, version });
  return Promise.resolve();
};
