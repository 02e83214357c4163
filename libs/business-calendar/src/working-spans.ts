import { ruleHolidaysIn } from './holiday-rules';
import {
  AROUND_THE_CLOCK,
  type BusinessCalendar,
  type BusinessTimeOptions,
  type OnCall,
  type Weekday,
  type WorkingInterval,
} from './business-calendar';
import { daysAfter, instantOn, localDayOf, minutesOf, type LocalDay } from './local-time';

/** A stretch of working time between two instants (epoch milliseconds), half-open: [start, end). */
export type Span = readonly [start: number, end: number];

const WHOLE_DAY: readonly WorkingInterval[] = [{ start: '00:00', end: '24:00' }];

const onCallFor = (calendar: BusinessCalendar, options: BusinessTimeOptions): OnCall | undefined => {
  const { onCall } = calendar;
  return onCall && options.priority !== undefined && onCall.appliesTo.includes(options.priority)
    ? onCall
    : undefined;
};

const onCallIntervals = (
  onCall: OnCall | undefined,
  day: LocalDay,
  date: string,
): readonly WorkingInterval[] => {
  if (!onCall) return [];
  if (onCall.rota === AROUND_THE_CLOCK) return WHOLE_DAY;
  return onCall.rota.filter((shift) =>
    'weekday' in shift ? shift.weekday === day.weekday : shift.date === date,
  );
};

/** Sorted, with overlapping or touching spans joined and empty ones (a DST gap) dropped. */
const merged = (spans: readonly Span[]): Span[] =>
  [...spans]
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0])
    .reduce<Span[]>((joined, span) => {
      const last = joined[joined.length - 1];
      if (last && span[0] <= last[1]) joined[joined.length - 1] = [last[0], Math.max(last[1], span[1])];
      else joined.push(span);
      return joined;
    }, []);

/**
 * The working spans of each local day for one kind of contact. Spans are joined in instant space,
 * not in wall-clock minutes, because around a DST change two wall-clock intervals that look
 * apart can land on overlapping instants.
 */
export const dayPlanOf = (calendar: BusinessCalendar, options: BusinessTimeOptions): ((day: LocalDay) => readonly Span[]) => {
  const plans = rememberedPlans.get(calendar) ?? new Map<string, (day: LocalDay) => readonly Span[]>();
  rememberedPlans.set(calendar, plans);
  const key = onCallFor(calendar, options) ? 'on call' : 'office hours';
  const known = plans.get(key);
  if (known) return known;
  const plan = rememberedDays(plannedDays(calendar, options));
  plans.set(key, plan);
  return plan;
};

/**
 * Each calendar's day plans, by whether on-call shifts count: a calendar is a value, so its plans
 * are worked out once for as long as the calendar object lives (measuring a batch of legs on the
 * same calendar asks for the same days again and again).
 */
const rememberedPlans = new WeakMap<BusinessCalendar, Map<string, (day: LocalDay) => readonly Span[]>>();

const rememberedDays = (plan: (day: LocalDay) => Span[]): ((day: LocalDay) => readonly Span[]) => {
  const known = new Map<number, readonly Span[]>();
  return (day) => {
    const key = day.toMillis();
    const spans = known.get(key) ?? plan(day);
    known.set(key, spans);
    return spans;
  };
};

/** The holiday dates of a year: those announced, and those the rules give that year (worked out once per year). */
const holidayDates = (calendar: BusinessCalendar): ((year: number) => ReadonlySet<string>) => {
  const announced = calendar.holidays.map((holiday) => holiday.date);
  const rules = calendar.holidayRules ?? [];
  const years = new Map<number, ReadonlySet<string>>();
  return (year) => {
    const known = years.get(year) ?? new Set([...announced, ...ruleHolidaysIn(rules, year).map((holiday) => holiday.date)]);
    years.set(year, known);
    return known;
  };
};

const plannedDays = (calendar: BusinessCalendar, options: BusinessTimeOptions): ((day: LocalDay) => Span[]) => {
  const holidays = holidayDates(calendar);
  const specialDays = new Map(
    calendar.makeUpWorkingDays.map((day) => [day.date, day.hours ?? calendar.weeklyHours[1] ?? []]),
  );
  const onCall = onCallFor(calendar, options);
  const spanOf = (day: LocalDay, interval: WorkingInterval): Span => [
    instantOn(day, minutesOf(interval.start, 'start') ?? 0, calendar.timeZone),
    instantOn(day, minutesOf(interval.end, 'end') ?? 0, calendar.timeZone),
  ];
  return (day) => {
    const date = day.toISODate() ?? '';
    const normal = holidays(day.year).has(date)
      ? []
      : (specialDays.get(date) ?? calendar.weeklyHours[day.weekday as Weekday] ?? []);
    return merged(
      [...normal, ...onCallIntervals(onCall, day, date)].map((interval) => spanOf(day, interval)),
    );
  };
};

export interface SpanWalk {
  readonly from: number;
  /** The last local day whose spans are visited (inclusive). */
  readonly lastDay: LocalDay;
}

/**
 * Working spans at or after `from`, in order, the first one clipped to start at `from`. The walk
 * begins a day early: where a zone falls back at midnight, the previous day's last span can run
 * past the instant the local date changes.
 */
export function* spansFrom(
  calendar: BusinessCalendar,
  options: BusinessTimeOptions,
  walk: SpanWalk,
): Generator<Span> {
  const plan = dayPlanOf(calendar, options);
  for (
    let day = daysAfter(localDayOf(walk.from, calendar.timeZone), -1);
    day <= walk.lastDay;
    day = daysAfter(day, 1)
  ) {
    for (const [start, end] of plan(day)) {
      if (end > walk.from) yield [Math.max(start, walk.from), end];
    }
  }
}
