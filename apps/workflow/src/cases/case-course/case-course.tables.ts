import type { BusinessCalendar } from '@collab/business-calendar';
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
 * statements are idempotent, so an existing database upgrades in place.
 */
export const CASE_COURSE_DDL = [
  `create table if not exists workflow.case_leg (
     case_id uuid not null, leg_key text not null, kind text not null, unit text not null,
     task_id text, parent_task_id text, ordinal int, from_at timestamptz not null, to_at timestamptz,
     holding_unit text, calendar_id text, measured_in text not null, note text, calendar jsonb,
     held_minutes double precision, version int not null,
     primary key (case_id, leg_key))`,
  `create table if not exists workflow.case_task_link (
     case_id uuid not null, task_id text not null, parent_task_id text, from_unit text not null,
     target jsonb not null, reason text not null, status text not null,
     opened_at timestamptz not null, opened_by jsonb not null,
     accept_due_at timestamptz not null, complete_due_at timestamptz not null,
     closed_at timestamptz, closed_by jsonb, outcome_reason text, ordinal int not null, version int not null,
     primary key (case_id, task_id))`,
  `create table if not exists workflow.case_leg_holder (
     id text primary key, kind text not null, unit_id text, calendar_id text, version int not null)`,
];

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
  readonly holding_unit: string | null;
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
  readonly from_unit: string;
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
