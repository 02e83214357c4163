import type { BusinessCalendar } from '@collab/business-calendar';
import type { Party } from '@collab/domain-kernel';
import type { ActorRef, CollaborationTarget } from '@collab/workflow-domain';

/*
 * The course of each case, kept by the case-view projection in the transaction of its batch, so
 * GET /api/v1/cases/{id} reads it instead of folding the case's streams:
 *
 * - workflow.case_leg: one row per leg, keyed by case and `leg_key` — `case@<v>` for the main-line
 *   leg a queue took at version v of the case stream, `task:<taskId>` for a task's leg. What is
 *   stored: who held it, from when to when, on whose clock (holding unit, calendar id, how it is
 *   measured, why not in business time) and, once it is closed, the minutes held. What is computed
 *   at read: the minutes of a leg still open, from its start to the moment asked (the clock moves
 *   on), on the calendar definition the leg keeps while open (`calendar`, dropped when it closes).
 *   A leg's clock is looked up once, when the leg opens, as the projection knew the org directory
 *   and the calendars at that point of the log; the leg is measured on it to the end.
 * - workflow.case_task_link: one row per collaboration task the case opened, for the chain.
 * - workflow.case_leg_holder: the org directory as far as clocks go (queue → unit, unit or partner
 *   → calendar id), from the org events on the same log, so a leg's clock depends on the log's
 *   order alone and not on how far another read model has got.
 *
 * Every write is keyed and guarded (a leg opens once and closes once, a link or holder changes
 * only to a later version of its stream), so applying a batch twice leaves the same rows. The
 * tables are made by workflow's migration 0002.
 */

/** The course's tables, which the case-view projection owns. */
export const CASE_COURSE_TABLES = ['workflow.case_leg', 'workflow.case_task_link', 'workflow.case_leg_holder'] as const;

/** A row of workflow.case_leg as pg returns it. */
export interface LegRow {
  readonly leg_key: string;
  readonly kind: 'CASE' | 'TASK';
  readonly unit: string;
  readonly task_id: string | null;
  readonly parent_task_id: string | null;
  /** Main line only: the case-stream version of the take, which orders legs that start together. */
  readonly ordinal: number | null;
  readonly from_at: Date;
  readonly to_at: Date | null;
  readonly clock_holder_id: string | null;
  readonly clock_holder_kind: 'UNIT' | 'PARTNER' | null;
  readonly calendar_id: string | null;
  readonly measured_in: 'BUSINESS_TIME' | 'CALENDAR_TIME';
  readonly note: string | null;
  readonly calendar: BusinessCalendar | null;
  readonly held_minutes: number | null;
}

/** A row of workflow.case_task_link as pg returns it. */
export interface LinkRow {
  readonly task_id: string;
  readonly parent_task_id: string | null;
  /** Who asked: `from_unit` is its id, whatever its kind (the column's name is older than the kinds). */
  readonly from_unit: string;
  readonly from_kind: Party['kind'];
  readonly target: CollaborationTarget;
  readonly reason: string;
  readonly status: string;
  readonly opened_at: Date;
  readonly opened_by: ActorRef;
  readonly accept_due_at: Date;
  readonly complete_due_at: Date;
  readonly closed_at: Date | null;
  readonly closed_by: ActorRef | null;
  readonly outcome_reason: string | null;
  /** The case-stream version that opened the task: the chain's order. */
  readonly ordinal: number;
}
