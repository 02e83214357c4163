import {
  defaultCalendars,
  type BusinessCalendar,
  type BusinessCalendarInput,
} from '@collab/business-calendar';
import { Conflict, ValidationFailed, fold, specFor } from '@collab/domain-kernel';
import { calendarDecider, type DefineCalendar } from './calendar.decider';
import type { CalendarEvent } from './calendar.events';

const now = new Date('2026-11-20T09:30:00.000Z');
const at = now.toISOString();
const spec = specFor(calendarDecider, { now });

const morning = { start: '09:00', end: '12:00' };
const afternoon = { start: '13:30', end: '17:00' };
const workdays = (...hours: { start: string; end: string }[]) => ({
  1: hours,
  2: hours,
  3: hours,
  4: hours,
  5: hours,
});

/** A Shanghai desk, Mon–Fri 09:00–17:00 with a 12:00–13:30 lunch break, one holiday, one 调休 Saturday. */
const shanghaiDesk = (overrides: Partial<BusinessCalendarInput> = {}): BusinessCalendarInput => ({
  id: 'shanghai-desk',
  name: 'Shanghai desk',
  timeZone: 'Asia/Shanghai',
  weeklyHours: workdays(morning, afternoon),
  holidays: [{ date: '2026-10-01', name: 'National Day 国庆节' }],
  makeUpWorkingDays: [{ date: '2026-10-10', name: '国庆节调休' }],
  ...overrides,
});

/** What the calendar is once validated: the lists a definition may leave out are there, empty. */
const definition = (overrides: Partial<BusinessCalendarInput> = {}): BusinessCalendar => {
  const input = shanghaiDesk(overrides);
  return { ...input, holidays: input.holidays ?? [], makeUpWorkingDays: input.makeUpWorkingDays ?? [] };
};

const defineCalendar = (
  overrides: Partial<BusinessCalendarInput> = {},
  expectedVersion?: number,
): DefineCalendar => ({
  type: 'DefineCalendar',
  calendar: shanghaiDesk(overrides),
  ...(expectedVersion === undefined ? {} : { expectedVersion }),
});

const calendarDefined = (overrides: Partial<BusinessCalendarInput> = {}): CalendarEvent => ({
  type: 'CalendarDefined',
  data: { calendar: definition(overrides), definedAt: at },
});
const calendarRevised = (overrides: Partial<BusinessCalendarInput> = {}): CalendarEvent => ({
  type: 'CalendarRevised',
  data: { calendar: definition(overrides), revisedAt: at },
});

const onCallForUrgent = {
  appliesTo: ['URGENT'],
  rota: [{ weekday: 6 as const, start: '10:00', end: '14:00' }],
};

describe('defining a calendar', () => {
  it('records the whole validated definition', () =>
    spec.given().when(defineCalendar()).then(calendarDefined()));

  it('fills in the holidays and make-up days a definition left out', () =>
    spec
      .given()
      .when({
        type: 'DefineCalendar',
        calendar: {
          id: 'shanghai-desk',
          name: 'Shanghai desk',
          timeZone: 'Asia/Shanghai',
          weeklyHours: workdays(morning),
        },
      })
      .then({
        type: 'CalendarDefined',
        data: {
          calendar: {
            id: 'shanghai-desk',
            name: 'Shanghai desk',
            timeZone: 'Asia/Shanghai',
            weeklyHours: workdays(morning),
            holidays: [],
            makeUpWorkingDays: [],
          },
          definedAt: at,
        },
      }));

  it('is allowed when the administrator expected a new calendar (version 0)', () =>
    spec.given().when(defineCalendar({}, 0)).then(calendarDefined()));

  it('is refused when a new calendar was expected but one exists (the seed meeting an administrator’s calendar)', () =>
    spec
      .given(calendarDefined())
      .when(defineCalendar({ name: 'Seeded desk' }, 0))
      .thenThrows(Conflict));
});

describe('revising a calendar', () => {
  it('records the whole new definition, not just what changed', () =>
    spec
      .given(calendarDefined())
      .when(defineCalendar({ onCall: onCallForUrgent }))
      .then(calendarRevised({ onCall: onCallForUrgent })));

  it('records nothing when the definition is the same, however its keys are ordered', () =>
    spec
      .given(calendarDefined())
      .when(defineCalendar({ weeklyHours: workdays({ end: '12:00', start: '09:00' }, afternoon) }))
      .then());

  it('is allowed on the version the administrator saw', () =>
    spec
      .given(calendarDefined(), calendarRevised({ name: 'Shanghai desk (2026)' }))
      .when(defineCalendar({ name: 'Shanghai desk (2027)' }, 2))
      .then(calendarRevised({ name: 'Shanghai desk (2027)' })));

  it('is refused when someone else revised it since (If-Match on an older version)', () =>
    spec
      .given(calendarDefined(), calendarRevised({ name: 'Shanghai desk (2026)' }))
      .when(defineCalendar({ name: 'Shanghai desk (2027)' }, 1))
      .thenThrows(Conflict));

  it('is refused for a calendar that does not exist yet when a version was expected', () =>
    spec.given().when(defineCalendar({}, 1)).thenThrows(Conflict));

  it('keeps the latest definition and counts the versions', () =>
    expect(
      fold(calendarDecider, [
        calendarDefined(),
        calendarRevised({ name: 'B' }),
        calendarRevised({ name: 'C' }),
      ]),
    ).toEqual({
      status: 'defined',
      calendar: definition({ name: 'C' }),
      version: 3,
    }));
});

const fieldsRefused = (command: DefineCalendar, history: CalendarEvent[] = []): string[] => {
  try {
    calendarDecider.decide(command, fold(calendarDecider, history), { now });
  } catch (error) {
    if (error instanceof ValidationFailed) return error.errors.map((e) => e.field);
    throw error;
  }
  throw new Error('expected ValidationFailed');
};

describe('an invalid definition', () => {
  const everythingWrong: Partial<BusinessCalendarInput> = {
    timeZone: 'Asia/Atlantis',
    weeklyHours: { 1: [{ start: '13:30', end: '12:00' }] },
    holidays: [{ date: '2026-02-30', name: 'Not a day' }],
    makeUpWorkingDays: [{ date: '2026-10-01' }],
    onCall: { appliesTo: ['URGENT'], rota: [{ weekday: 9 as never, start: '22:00', end: '06:00' }] },
  };

  it('is refused naming every invalid field at once', () =>
    expect(fieldsRefused(defineCalendar(everythingWrong))).toEqual([
      'timeZone',
      'weeklyHours.1.0.end',
      'holidays.0.date',
      'onCall.rota.0.weekday',
      'onCall.rota.0.end',
    ]));

  it('names a make-up day that is also a holiday', () =>
    expect(fieldsRefused(defineCalendar({ makeUpWorkingDays: [{ date: '2026-10-01' }] }))).toEqual([
      'makeUpWorkingDays.0.date',
    ]));

  it('is refused as a revision too, before any version check, so the administrator sees every problem', () =>
    expect(fieldsRefused(defineCalendar({ timeZone: 'Beijing time' }, 7), [calendarDefined()])).toEqual([
      'timeZone',
    ]));

  it('records nothing', () =>
    spec
      .given(calendarDefined())
      .when(defineCalendar({ weeklyHours: {} }))
      .thenThrows(ValidationFailed));
});

describe('the default calendars', () => {
  it.each(defaultCalendars().map((calendar) => [calendar.id, calendar] as const))(
    '%s is a valid definition',
    (_, calendar) =>
      spec
        .given()
        .when({ type: 'DefineCalendar', calendar, expectedVersion: 0 })
        .then({ type: 'CalendarDefined', data: { calendar, definedAt: at } }),
  );
});
