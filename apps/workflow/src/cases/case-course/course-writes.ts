import type { EntityManager } from 'typeorm';
import type { BusinessCalendar } from '@collab/business-calendar';
import { heldMinutes, shownClockOf } from '../get-case/case-legs';
import type { CourseChange, LegKind } from './case-course.changes';
import type { CourseBatch } from './holder-clocks';

type Change<Kind extends CourseChange['change']> = Extract<CourseChange, { change: Kind }>;

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

interface OpenLegRow {
  readonly leg_key: string;
  readonly from_at: Date;
  readonly calendar: BusinessCalendar | null;
  readonly priority: string | null;
}

const mainLegKey = (version: number) => `case@${version}`;
const taskLegKey = (taskId: string) => `task:${taskId}`;

/** Opens a leg once, on the clock its holder runs on now; a replay meets the row and leaves it. */
const openLeg = async (batch: CourseBatch, leg: OpeningLeg): Promise<void> => {
  const clock = await batch.clockOf(leg.kind, leg.unit);
  const shown = shownClockOf(leg.unit, clock);
  await batch.tx.query(
    `insert into workflow.case_leg (case_id, leg_key, kind, unit, task_id, parent_task_id, ordinal, from_at,
       holding_unit, calendar_id, measured_in, note, calendar, held_minutes, version)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, null, $14)
     on conflict (case_id, leg_key) do nothing`,
    [
      leg.caseId, leg.key, leg.kind, leg.unit, leg.taskId, leg.parentTaskId, leg.ordinal, leg.from,
      shown.holdingUnit, shown.calendarId, shown.measuredIn, shown.note,
      clock.calendar === null ? null : JSON.stringify(clock.calendar), leg.version,
    ],
  );
};

/**
 * Closes the open legs the filter names at `at`, measuring each on the calendar it kept while open
 * and the case's priority; a leg closes once (`to_at is null`), so a replay changes nothing.
 */
const closeLegs = async (tx: EntityManager, filter: { caseId: string; where: string; param: string | number }, at: string, version: number): Promise<void> => {
  const open: OpenLegRow[] = await tx.query(
    `select l.leg_key, l.from_at, l.calendar, v.priority from workflow.case_leg l
       left join workflow.case_view v on v.id = l.case_id
      where l.case_id = $1 and l.to_at is null and ${filter.where}`,
    [filter.caseId, filter.param],
  );
  for (const leg of open) {
    const minutes = heldMinutes(leg.calendar, { from: leg.from_at, until: new Date(at) }, leg.priority ?? undefined);
    await tx.query(
      `update workflow.case_leg set to_at = $3, held_minutes = $4, calendar = null, version = $5
        where case_id = $1 and leg_key = $2 and to_at is null`,
      [filter.caseId, leg.leg_key, at, minutes, version],
    );
  }
};

/** The main line's leg open before this version (at most one) ends: released, or taken by the next queue. */
export const releaseMain = ({ tx }: CourseBatch, { caseId, version, at }: Change<'release'>) =>
  closeLegs(tx, { caseId, where: `l.kind = 'CASE' and l.ordinal < $2`, param: version }, at, version);

export const takeMain = async (batch: CourseBatch, change: Change<'take'>): Promise<void> => {
  await releaseMain(batch, { ...change, change: 'release' });
  const { caseId, version, unit, at } = change;
  await openLeg(batch, { caseId, key: mainLegKey(version), kind: 'CASE', unit, taskId: null, parentTaskId: null, ordinal: version, from: at, version });
};

export const takeTask = (batch: CourseBatch, { caseId, version, taskId, parentTaskId, unit, at }: Change<'task-taken'>) =>
  openLeg(batch, { caseId, key: taskLegKey(taskId), kind: 'TASK', unit, taskId, parentTaskId, ordinal: null, from: at, version });

export const releaseTask = ({ tx }: CourseBatch, { caseId, version, taskId, at }: Change<'task-released'>) =>
  closeLegs(tx, { caseId, where: 'l.leg_key = $2', param: taskLegKey(taskId) }, at, version);

/** A task the case opened joins the chain; opened again (a replay, or a reused id) it starts over, as in the fold. */
export const openLink = ({ tx }: CourseBatch, { caseId, version, link }: Change<'link-opened'>) =>
  tx.query(
    `insert into workflow.case_task_link (case_id, task_id, parent_task_id, from_unit, target, reason, status, opened_at, opened_by,
       accept_due_at, complete_due_at, closed_at, closed_by, outcome_reason, ordinal, version)
     values ($1, $2, $3, $4, $5::jsonb, $6, 'OPEN', $7, $8::jsonb, $9, $10, null, null, null, $11, $11)
     on conflict (case_id, task_id) do update set parent_task_id = excluded.parent_task_id, from_unit = excluded.from_unit,
       target = excluded.target, reason = excluded.reason, status = 'OPEN', opened_at = excluded.opened_at, opened_by = excluded.opened_by,
       accept_due_at = excluded.accept_due_at, complete_due_at = excluded.complete_due_at,
       closed_at = null, closed_by = null, outcome_reason = null, version = excluded.version
      where workflow.case_task_link.version < excluded.version`,
    [
      caseId, link.taskId, link.parentTaskId, link.fromUnit, JSON.stringify(link.to), link.reason,
      link.openedAt, JSON.stringify(link.openedBy), link.acceptDueAt, link.completeDueAt, version,
    ],
  );

/** How a task ended; only a later case event changes it again. */
export const closeLink = ({ tx }: CourseBatch, { caseId, version, taskId, closed }: Change<'link-closed'>) =>
  tx.query(
    `update workflow.case_task_link set status = $3, closed_at = $4, closed_by = $5::jsonb, outcome_reason = $6, version = $7
      where case_id = $1 and task_id = $2 and version < $7`,
    [caseId, taskId, closed.status, closed.closedAt, JSON.stringify(closed.closedBy), closed.outcomeReason, version],
  );
