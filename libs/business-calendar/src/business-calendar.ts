/**
 * A business calendar: when a desk works, in its own time zone. Intake's acknowledgement times
 * and workflow's SLA timers both count business time on the same definition.
 *
 * Wall-clock values (`HH:mm`, `YYYY-MM-DD`) are always read in `timeZone`, so a DST change
 * moves the instants, never the hours.
 */

/** ISO weekday: 1 = Monday … 7 = Sunday (luxon's numbering). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** A working stretch within one day, `HH:mm` to `HH:mm`; `end` may be `24:00` (midnight after). */
export interface WorkingInterval {
  readonly start: string;
  readonly end: string;
}

/** Several intervals on one day leave breaks between them (e.g. a 12:00–13:30 lunch break). */
export type WeeklyHours = Readonly<Partial<Record<Weekday, readonly WorkingInterval[]>>>;

/** A public holiday: no normal working hours that day (on-call shifts still apply). */
export interface Holiday {
  readonly date: string;
  readonly name: string;
}

/**
 * A holiday that follows a rule, so it is known for every year without anyone announcing it:
 * - `fixed`: the same month and day each year (`01-01`; a `02-29` only in leap years);
 * - `easter`: `offsetDays` from Gregorian Easter Sunday (Good Friday −2, Easter Monday +1, Ascension +39);
 * - `weekday-on-or-after`: the first `weekday` on or after a month and day (Midsummer Eve: Friday, `06-19`).
 */
export type HolidayRule =
  | { readonly rule: 'fixed'; readonly date: string; readonly name: string }
  | { readonly rule: 'easter'; readonly offsetDays: number; readonly name: string }
  | { readonly rule: 'weekday-on-or-after'; readonly weekday: Weekday; readonly date: string; readonly name: string };

/**
 * A date with its own working hours. Mostly 调休 (a make-up working day: a weekend day worked in
 * exchange for a longer holiday), but a weekday with special hours fits too. Without `hours` the
 * day works Monday's hours.
 */
export interface MakeUpWorkingDay {
  readonly date: string;
  readonly hours?: readonly WorkingInterval[];
  readonly name?: string;
}

/** An on-call shift, recurring on a weekday or on one date; both are local wall-clock times. */
export type OnCallShift =
  (WorkingInterval & { readonly weekday: Weekday }) | (WorkingInterval & { readonly date: string });

export const AROUND_THE_CLOCK = 'around-the-clock';

/**
 * 值班: outside normal hours, contacts of these priorities are still worked on during the rota's
 * shifts, which count as business time for them (and only for them).
 */
export interface OnCall {
  readonly appliesTo: readonly string[];
  readonly rota: typeof AROUND_THE_CLOCK | readonly OnCallShift[];
}

export interface BusinessCalendar {
  readonly id: string;
  readonly name: string;
  /** IANA time zone, e.g. `Asia/Shanghai`. */
  readonly timeZone: string;
  readonly weeklyHours: WeeklyHours;
  /** Holidays announced for particular dates (China's lunar holidays, the exact span of National Day). */
  readonly holidays: readonly Holiday[];
  /** Holidays every year by rule; the dates they give count as holidays like `holidays`. */
  readonly holidayRules?: readonly HolidayRule[];
  readonly makeUpWorkingDays: readonly MakeUpWorkingDay[];
  /**
   * The last date (`YYYY-MM-DD`, inclusive) through which the announced holidays and make-up days
   * are complete. Past it only the rules and the weekly hours are known, so a promise reaching
   * further says so. Left out, the calendar claims nothing is missing: it is rules only.
   */
  readonly announcedThrough?: string;
  readonly onCall?: OnCall;
}

/** What business time is counted for: priorities covered by the on-call rota count its shifts too. */
export interface BusinessTimeOptions {
  readonly priority?: string;
}
