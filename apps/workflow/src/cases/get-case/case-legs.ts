import { businessTimeBetween, type BusinessCalendar } from '@collab/business-calendar';
import { legsOf, type CollaborationTaskEvent, type WorkflowCaseEvent } from '@collab/workflow-domain';
import type { CaseLeg, ClockHolder } from '../case.answers';

/** Whose clock a holder runs on: the org unit or partner behind a queue or a task's target, and its calendar. */
export type HolderClock =
  | { readonly clockHolder: ClockHolder; readonly calendar: BusinessCalendar }
  /** Neither the unit or partner nor its calendar could be found: its leg counts elapsed minutes, and says why. */
  | { readonly clockHolder: ClockHolder | null; readonly calendar: null; readonly unknown: string };

/** One leg of the chain as the case shows it (the answer schema's type): who held it, for how long, on which clock. */
export type { CaseLeg } from '../case.answers';

export interface LegHistory {
  readonly caseEvents: readonly WorkflowCaseEvent[];
  readonly taskEvents: readonly CollaborationTaskEvent[];
}

const NOT_MEASURED = () => 0;
const elapsedMinutes = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 60_000;

/** Whose clock a leg is shown on: the same four fields whether it was folded now or projected earlier. */
export type ShownClock = Pick<CaseLeg, 'clockHolder' | 'calendarId' | 'measuredIn' | 'note'>;

export const shownClockOf = (unit: string, clock: HolderClock | undefined): ShownClock => {
  if (clock?.calendar) return { clockHolder: clock.clockHolder, calendarId: clock.calendar.id, measuredIn: 'BUSINESS_TIME', note: null };
  const why = clock && 'unknown' in clock ? clock.unknown : `no clock was looked up for ${unit}`;
  return { clockHolder: clock?.clockHolder ?? null, calendarId: null, measuredIn: 'CALENDAR_TIME', note: `${why}: elapsed calendar minutes counted instead` };
};

/**
 * The minutes a leg was held from `from` until `until`, as the case shows them (to the hundredth):
 * business minutes on the holder's calendar, with its on-call shifts when the case's priority has
 * them; elapsed minutes when the calendar is unknown; nothing for a span that does not run forward.
 */
export const heldMinutes = (calendar: BusinessCalendar | null | undefined, span: { readonly from: Date; readonly until: Date }, priority: string | undefined): number => {
  const { from, until } = span;
  if (!(until > from)) return 0;
  const minutes = calendar ? businessTimeBetween(calendar, from, until, priority === undefined ? {} : { priority }) : elapsedMinutes(from, until);
  return Math.round(minutes * 100) / 100;
};

/** The holders whose clocks the legs need: a queue on the main line, a unit or partner on a task. */
export const holdersOf = (history: LegHistory, until: Date): { readonly queues: string[]; readonly parties: string[] } => {
  const legs = legsOf(history, NOT_MEASURED, until);
  const distinct = (kind: CaseLeg['kind']) => [...new Set(legs.filter((leg) => leg.kind === kind).map((leg) => leg.holder.id))];
  return { queues: distinct('CASE'), parties: distinct('TASK') };
};

/** The case's priority decides whether on-call shifts count: an urgent case is worked through them. */
const priorityOf = (history: LegHistory): string | undefined =>
  history.caseEvents.find((event) => event.type === 'CaseRegistered')?.data.priority;

/**
 * The legs of a case up to `until` (now, or the moment asked with asOf), each measured on its
 * holder's own calendar; `clocks` maps each queue, unit or partner id of the legs to its clock.
 */
export const measuredLegs = (history: LegHistory, clocks: ReadonlyMap<string, HolderClock>, until: Date): CaseLeg[] => {
  const priority = priorityOf(history);
  // Measured, rounded and shown exactly as a projected leg is (case-course), so the two can be compared.
  const measure = (unit: string, from: Date, until: Date) => heldMinutes(clocks.get(unit)?.calendar, { from, until }, priority);
  return legsOf(history, measure, until).map(({ heldBusinessMinutes, ...leg }) => ({
    ...leg,
    heldMinutes: heldBusinessMinutes,
    ...shownClockOf(leg.holder.id, clocks.get(leg.holder.id)),
  }));
};
