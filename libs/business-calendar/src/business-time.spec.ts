import { ValidationFailed } from '@collab/domain-kernel';
import type { BusinessCalendar } from './business-calendar';
import {
  BeyondCalendarHorizon,
  addBusinessTime,
  businessTimeBetween,
  isWorkingTime,
  nextWorkingInstant,
} from './business-time';
import { at, defaultCalendar, mondayToFriday, nineToFiveDesk, wallClock } from './calendar.fixtures';

const SHANGHAI = 'Asia/Shanghai';
const HELSINKI = 'Europe/Helsinki';
const cn = defaultCalendar('cn-standard');
const fi = defaultCalendar('fi-standard');
const desk = nineToFiveDesk();
const deskWithUrgentRota = nineToFiveDesk({
  onCall: {
    appliesTo: ['URGENT'],
    rota: [
      { weekday: 5, start: '17:00', end: '23:00' },
      { weekday: 6, start: '10:00', end: '14:00' },
    ],
  },
});
const deskWithUrgentAroundTheClock = nineToFiveDesk({
  onCall: { appliesTo: ['URGENT'], rota: 'around-the-clock' },
});

interface Case {
  readonly calendar: BusinessCalendar;
  readonly from: string;
  readonly minutes: number;
  readonly priority?: string;
  readonly lands: string;
}

interface Stretch {
  readonly calendar: BusinessCalendar;
  readonly from: string;
  readonly to: string;
  readonly minutes: number;
}

const zoneOf = (calendar: BusinessCalendar) => calendar.timeZone;

describe('adding business time', () => {
  it.each<[string, Case]>([
    [
      'a contact at 22:00 on a Friday to a 9–17 desk waits for Monday morning',
      { calendar: desk, from: '2026-06-12T22:00', minutes: 240, lands: 'Mon 2026-06-15 13:00' },
    ],
    [
      'a contact on a Saturday starts counting on Monday',
      { calendar: desk, from: '2026-06-13T10:00', minutes: 60, lands: 'Mon 2026-06-15 10:00' },
    ],
    [
      'a deadline can fall exactly at closing time',
      { calendar: desk, from: '2026-06-12T16:00', minutes: 60, lands: 'Fri 2026-06-12 17:00' },
    ],
    [
      'what does not fit before closing on Friday spills over the weekend',
      { calendar: desk, from: '2026-06-12T16:00', minutes: 120, lands: 'Mon 2026-06-15 10:00' },
    ],
    [
      'an urgent contact is worked within the night by an around-the-clock on-call duty',
      {
        calendar: deskWithUrgentAroundTheClock,
        from: '2026-06-12T22:00',
        minutes: 30,
        priority: 'URGENT',
        lands: 'Fri 2026-06-12 22:30',
      },
    ],
    [
      'an urgent contact uses the on-call shifts of the rota, Friday night then Saturday',
      {
        calendar: deskWithUrgentRota,
        from: '2026-06-12T22:00',
        minutes: 120,
        priority: 'URGENT',
        lands: 'Sat 2026-06-13 11:00',
      },
    ],
    [
      'a priority the rota does not cover waits for normal hours',
      {
        calendar: deskWithUrgentRota,
        from: '2026-06-12T22:00',
        minutes: 120,
        priority: 'HIGH',
        lands: 'Mon 2026-06-15 11:00',
      },
    ],
    [
      'the lunch break 12:00–13:30 is not counted',
      { calendar: cn, from: '2026-06-15T11:30', minutes: 60, lands: 'Mon 2026-06-15 14:00' },
    ],
    [
      'a contact during the lunch break starts counting at 13:30',
      { calendar: cn, from: '2026-06-15T12:15', minutes: 30, lands: 'Mon 2026-06-15 14:00' },
    ],
    [
      'National Day (Oct 1–7) is skipped',
      { calendar: cn, from: '2026-09-30T17:00', minutes: 240, lands: 'Thu 2026-10-08 12:00' },
    ],
    [
      'the make-up Saturday 2026-10-10 (调休) is worked with Monday’s hours',
      { calendar: cn, from: '2026-10-09T17:00', minutes: 120, lands: 'Sat 2026-10-10 10:00' },
    ],
    [
      'the make-up Sunday 2026-09-20 (调休) is worked',
      { calendar: cn, from: '2026-09-19T10:00', minutes: 30, lands: 'Sun 2026-09-20 09:30' },
    ],
    [
      'an urgent contact on National Day is worked by the on-call duty',
      {
        calendar: cn,
        from: '2026-10-01T03:00',
        minutes: 30,
        priority: 'URGENT',
        lands: 'Thu 2026-10-01 03:30',
      },
    ],
    [
      'Helsinki hours stay 08:00–16:00 across the spring DST change',
      { calendar: fi, from: '2026-03-27T15:00', minutes: 120, lands: 'Mon 2026-03-30 09:00' },
    ],
    [
      'Helsinki hours stay 08:00–16:00 across the autumn DST change',
      { calendar: fi, from: '2026-10-23T15:00', minutes: 120, lands: 'Mon 2026-10-26 09:00' },
    ],
    [
      'zero minutes is the arrival itself, even out of hours',
      { calendar: desk, from: '2026-06-13T10:00', minutes: 0, lands: 'Sat 2026-06-13 10:00' },
    ],
  ])('%s', (_, { calendar, from, minutes, priority, lands }) => {
    const deadline = addBusinessTime(
      calendar,
      at(from, zoneOf(calendar)),
      minutes,
      priority === undefined ? {} : { priority },
    );
    expect(wallClock(deadline, zoneOf(calendar))).toBe(lands);
  });

  it('counts the same instant in each calendar’s own zone: Helsinki still works, Shanghai has closed', () => {
    const mondayAfternoonInHelsinki = new Date('2026-06-15T11:00:00Z');
    expect(addBusinessTime(fi, mondayAfternoonInHelsinki, 60).toISOString()).toBe('2026-06-15T12:00:00.000Z');
    expect(addBusinessTime(cn, mondayAfternoonInHelsinki, 60).toISOString()).toBe('2026-06-16T02:00:00.000Z');
  });

  it('keeps local hours through DST, so the UTC opening time moves by an hour', () => {
    expect(addBusinessTime(fi, at('2026-03-27T15:00', HELSINKI), 120).toISOString()).toBe(
      '2026-03-30T06:00:00.000Z',
    );
    expect(addBusinessTime(fi, at('2026-10-23T15:00', HELSINKI), 120).toISOString()).toBe(
      '2026-10-26T07:00:00.000Z',
    );
  });

  it('refuses to search past the horizon with a clear error', () => {
    const oneMinuteAWeek = nineToFiveDesk({ weeklyHours: { 1: [{ start: '09:00', end: '09:01' }] } });
    expect(() => addBusinessTime(oneMinuteAWeek, at('2026-06-15T10:00', SHANGHAI), 100)).toThrow(
      BeyondCalendarHorizon,
    );
    expect(() => addBusinessTime(oneMinuteAWeek, at('2026-06-15T10:00', SHANGHAI), 100)).toThrow(
      /nine-to-five.*400 days/,
    );
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p minutes, naming the minutes', (minutes) => {
    expect(() => addBusinessTime(desk, at('2026-06-15T10:00', SHANGHAI), minutes)).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ field: 'minutes' })] }),
    );
  });

  it('refuses an invalid start date', () => {
    expect(() => addBusinessTime(desk, new Date(Number.NaN), 10)).toThrow(ValidationFailed);
  });
});

describe('working time', () => {
  it.each([
    ['Monday 14:00 Helsinki is 19:00 Shanghai', '2026-06-15T11:00:00Z', true, false],
    ['Monday 05:00 Helsinki is 10:00 Shanghai', '2026-06-15T02:00:00Z', false, true],
    ['Monday 07:30 Helsinki is 12:30 Shanghai (lunch)', '2026-06-15T04:30:00Z', false, false],
    ['Monday 09:00 Helsinki is 14:00 Shanghai', '2026-06-15T06:00:00Z', true, true],
    [
      'before the DST change Helsinki opens 08:00 EET = 06:00 UTC (Shanghai 14:00)',
      '2026-03-27T06:00:00Z',
      true,
      true,
    ],
    [
      'before the DST change 05:00 UTC is 07:00 in Helsinki (Shanghai 13:00, lunch)',
      '2026-03-27T05:00:00Z',
      false,
      false,
    ],
    [
      'after the DST change Helsinki opens 08:00 EEST = 05:00 UTC (Shanghai 13:00, lunch)',
      '2026-03-30T05:00:00Z',
      true,
      false,
    ],
  ])('%s [%s]: working in Helsinki %p, in Shanghai %p', (_, instant, inHelsinki, inShanghai) => {
    expect(isWorkingTime(fi, new Date(instant))).toBe(inHelsinki);
    expect(isWorkingTime(cn, new Date(instant))).toBe(inShanghai);
  });

  it('treats an interval as half-open: closing time itself is not working time', () => {
    expect(isWorkingTime(desk, at('2026-06-15T09:00', SHANGHAI))).toBe(true);
    expect(isWorkingTime(desk, at('2026-06-15T17:00', SHANGHAI))).toBe(false);
  });

  it('counts on-call shifts only for the priorities they cover', () => {
    const fridayNight = at('2026-06-12T22:00', SHANGHAI);
    expect(isWorkingTime(deskWithUrgentRota, fridayNight, { priority: 'URGENT' })).toBe(true);
    expect(isWorkingTime(deskWithUrgentRota, fridayNight, { priority: 'NORMAL' })).toBe(false);
    expect(isWorkingTime(deskWithUrgentRota, fridayNight)).toBe(false);
  });

  it.each<[string, BusinessCalendar, string, string]>([
    ['Friday 22:00 → Monday 09:00', desk, '2026-06-12T22:00', 'Mon 2026-06-15 09:00'],
    ['during lunch → 13:30', cn, '2026-06-15T12:00', 'Mon 2026-06-15 13:30'],
    ['on National Day → the first working day after it', cn, '2026-10-01T10:00', 'Thu 2026-10-08 09:00'],
    ['already working → the same instant', desk, '2026-06-15T10:05', 'Mon 2026-06-15 10:05'],
  ])('the next working instant: %s', (_, calendar, from, expected) => {
    expect(wallClock(nextWorkingInstant(calendar, at(from, SHANGHAI)), SHANGHAI)).toBe(expected);
  });
});

describe('business time between two instants', () => {
  const wholeDay = [{ start: '00:00', end: '24:00' }];
  const aroundTheClockInHelsinki = nineToFiveDesk({
    timeZone: HELSINKI,
    weeklyHours: { ...mondayToFriday(...wholeDay), 6: wholeDay, 7: wholeDay },
  });

  it.each<[string, Stretch]>([
    [
      'a full day at the China desk is 7.5 hours (lunch excluded)',
      { calendar: cn, from: '2026-06-15T09:00', to: '2026-06-15T18:00', minutes: 450 },
    ],
    [
      'a week with the Dragon Boat Festival (Fri 2026-06-19) has four working days',
      { calendar: cn, from: '2026-06-15T00:00', to: '2026-06-22T00:00', minutes: 4 * 450 },
    ],
    [
      'a weekend counts nothing',
      { calendar: desk, from: '2026-06-13T00:00', to: '2026-06-15T00:00', minutes: 0 },
    ],
    [
      'a unit holding a case from Friday 16:30 to Monday 09:30 held it one business hour',
      { calendar: desk, from: '2026-06-12T16:30', to: '2026-06-15T09:30', minutes: 60 },
    ],
    [
      'an empty stretch counts nothing',
      { calendar: desk, from: '2026-06-15T10:00', to: '2026-06-15T10:00', minutes: 0 },
    ],
    [
      'a stretch that ends before it starts counts nothing',
      { calendar: desk, from: '2026-06-15T12:00', to: '2026-06-15T10:00', minutes: 0 },
    ],
  ])('%s', (_, { calendar, from, to, minutes }) => {
    expect(businessTimeBetween(calendar, at(from, calendar.timeZone), at(to, calendar.timeZone))).toBe(
      minutes,
    );
  });

  it.each([
    ['the spring-forward Sunday in Helsinki has 23 hours', '2026-03-29T00:00', '2026-03-30T00:00', 23 * 60],
    ['the fall-back Sunday in Helsinki has 25 hours', '2026-10-25T00:00', '2026-10-26T00:00', 25 * 60],
  ])('%s of round-the-clock working time', (_, from, to, minutes) => {
    expect(businessTimeBetween(aroundTheClockInHelsinki, at(from, HELSINKI), at(to, HELSINKI))).toBe(minutes);
  });

  it('measures fractions of a minute', () => {
    expect(
      businessTimeBetween(desk, at('2026-06-15T09:00', SHANGHAI), at('2026-06-15T09:00:30', SHANGHAI)),
    ).toBe(0.5);
  });

  it('counts on-call shifts for covered priorities', () => {
    expect(
      businessTimeBetween(
        deskWithUrgentRota,
        at('2026-06-12T00:00', SHANGHAI),
        at('2026-06-13T00:00', SHANGHAI),
        { priority: 'URGENT' },
      ),
    ).toBe(8 * 60 + 6 * 60);
  });

  it('refuses to measure a stretch longer than the measuring horizon', () => {
    expect(() =>
      businessTimeBetween(desk, at('2026-01-01T00:00', SHANGHAI), at('2037-01-01T00:00', SHANGHAI)),
    ).toThrow(BeyondCalendarHorizon);
  });
});
