import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { BusinessCalendar, OnCall, WeeklyHours, WorkingInterval } from './business-calendar';
import {
  BeyondCalendarHorizon,
  SEARCH_HORIZON_DAYS,
  addBusinessTime,
  businessTimeBetween,
  isWorkingTime,
  nextWorkingInstant,
} from './business-time';
import { validateCalendar } from './calendar.validation';

/**
 * Invariants over generated calendars. The zones include awkward DST rules: Lord Howe shifts by
 * 30 minutes; Havana and Santiago change their clocks at midnight.
 */
const ZONES = [
  'Asia/Shanghai',
  'Europe/Helsinki',
  'America/New_York',
  'Australia/Lord_Howe',
  'America/Havana',
  'America/Santiago',
  'UTC',
];
const DAY_MS = 24 * 60 * 60 * 1000;
const FROM = Date.UTC(2026, 0, 1);
const UNTIL = Date.UTC(2027, 11, 31);

const hhmm = (quarterHours: number): string => {
  const minutes = quarterHours * 15;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

/** Up to three non-overlapping intervals on quarter-hour boundaries, 00:00 to 24:00. */
const dayHours = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 })
  .map((bounds): WorkingInterval[] => {
    const sorted = [...bounds].sort((a, b) => a - b);
    return Array.from({ length: Math.floor(sorted.length / 2) }, (_, i) => ({
      start: hhmm(sorted[2 * i]!),
      end: hhmm(sorted[2 * i + 1]!),
    }));
  });

const weeklyHours = fc
  .tuple(dayHours, dayHours, dayHours, dayHours, dayHours, dayHours, dayHours)
  .filter((days) => days.some((day) => day.length > 0))
  .map((days): WeeklyHours => Object.fromEntries(days.map((hours, index) => [index + 1, hours])));

const date = fc
  .integer({ min: 0, max: 729 })
  .map((offset) => DateTime.utc(2026, 1, 1).plus({ days: offset }).toISODate()!);

const onCall: fc.Arbitrary<OnCall> = fc.record({
  appliesTo: fc.constant(['URGENT']),
  rota: fc.oneof(
    fc.constant('around-the-clock' as const),
    fc.array(
      fc
        .tuple(
          fc.integer({ min: 1, max: 7 }),
          dayHours.filter((hours) => hours.length > 0),
        )
        .map(([weekday, hours]) => ({ weekday: weekday as 1, ...hours[0]! })),
      { minLength: 1, maxLength: 3 },
    ),
  ),
});

const calendar: fc.Arbitrary<BusinessCalendar> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    weeklyHours,
    holidayDates: fc.uniqueArray(date, { maxLength: 8 }),
    makeUpDates: fc.uniqueArray(date, { maxLength: 4 }),
    onCall: fc.option(onCall, { nil: undefined }),
  })
  .map(({ timeZone, weeklyHours, holidayDates, makeUpDates, onCall }) =>
    validateCalendar({
      id: 'generated',
      name: 'Generated',
      timeZone,
      weeklyHours,
      holidays: holidayDates.map((d) => ({ date: d, name: 'Holiday' })),
      // Make-up days get their own hours, so Monday may be empty; a date is never both.
      makeUpWorkingDays: makeUpDates
        .filter((d) => !holidayDates.includes(d))
        .map((d) => ({ date: d, hours: [{ start: '10:00', end: '15:00' }] })),
      ...(onCall ? { onCall } : {}),
    }),
  );

const instant = fc.integer({ min: FROM, max: UNTIL }).map((ms) => new Date(ms));
const priority = fc.constantFrom<{ priority?: string }>({}, { priority: 'URGENT' }, { priority: 'NORMAL' });
const minutes = fc.integer({ min: 0, max: 5000 });

/** A search past the horizon is allowed only when the horizon truly lacks that much working time. */
const addedOrBeyondHorizon = (
  c: BusinessCalendar,
  t: Date,
  m: number,
  options: { priority?: string },
): Date | undefined => {
  try {
    return addBusinessTime(c, t, m, options);
  } catch (error) {
    if (!(error instanceof BeyondCalendarHorizon)) throw error;
    expect(
      businessTimeBetween(c, t, new Date(t.getTime() + SEARCH_HORIZON_DAYS * DAY_MS), options),
    ).toBeLessThan(m);
    return undefined;
  }
};

describe('business time invariants', () => {
  it('measuring from t to t + m business minutes gives back m', () =>
    fc.assert(
      fc.property(calendar, instant, minutes, priority, (c, t, m, options) => {
        const deadline = addedOrBeyondHorizon(c, t, m, options);
        if (deadline) expect(businessTimeBetween(c, t, deadline, options)).toBe(m);
      }),
    ));

  it('adding the business time measured up to x lands at or before x', () =>
    fc.assert(
      fc.property(
        calendar,
        instant,
        fc.integer({ min: 0, max: 30 * DAY_MS }),
        priority,
        (c, t, gap, options) => {
          const x = new Date(t.getTime() + gap);
          expect(
            addBusinessTime(c, t, businessTimeBetween(c, t, x, options), options).getTime(),
          ).toBeLessThanOrEqual(x.getTime());
        },
      ),
    ));

  it('the last millisecond before a deadline is working time', () =>
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 1, max: 5000 }), priority, (c, t, m, options) => {
        const deadline = addedOrBeyondHorizon(c, t, m, options);
        if (deadline) expect(isWorkingTime(c, new Date(deadline.getTime() - 1), options)).toBe(true);
      }),
    ));

  it('the next working instant is working time, with no business time before it', () =>
    fc.assert(
      fc.property(calendar, instant, priority, (c, t, options) => {
        const next = nextWorkingInstant(c, t, options);
        expect(isWorkingTime(c, next, options)).toBe(true);
        expect(businessTimeBetween(c, t, next, options)).toBe(0);
      }),
    ));

  it('business time adds up over consecutive stretches', () =>
    fc.assert(
      fc.property(
        calendar,
        instant,
        fc.integer({ min: 0, max: 20 * DAY_MS }),
        fc.integer({ min: 0, max: 20 * DAY_MS }),
        (c, t, a, b) => {
          const [x, y] = [new Date(t.getTime() + a), new Date(t.getTime() + a + b)];
          const ms = (from: Date, to: Date) => Math.round(businessTimeBetween(c, from, to) * 60_000);
          expect(ms(t, x) + ms(x, y)).toBe(ms(t, y));
        },
      ),
    ));
});
