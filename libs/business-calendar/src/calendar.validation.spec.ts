import { ValidationFailed } from '@collab/domain-kernel';
import { validateCalendar, type BusinessCalendarInput } from './calendar.validation';
import { defaultCalendars } from './default-calendars';
import { mondayToFriday } from './calendar.fixtures';

const nineToFive = { start: '09:00', end: '17:00' };

/** A valid calendar with one thing changed. */
const calendar = (overrides: Partial<BusinessCalendarInput> = {}): BusinessCalendarInput => ({
  id: 'hotline',
  name: 'Hotline',
  timeZone: 'Asia/Shanghai',
  weeklyHours: mondayToFriday(nineToFive),
  ...overrides,
});

const fieldsNamedBy = (input: BusinessCalendarInput): string[] => {
  try {
    validateCalendar(input);
  } catch (error) {
    if (error instanceof ValidationFailed) return error.errors.map((e) => e.field);
    throw error;
  }
  return [];
};

describe('validating a calendar', () => {
  it.each<[string, string, Partial<BusinessCalendarInput>]>([
    ['an id with spaces', 'id', { id: 'office hours' }],
    ['a blank name', 'name', { name: '  ' }],
    ['an unknown time zone', 'timeZone', { timeZone: 'Asia/Atlantis' }],
    ['a fixed-offset label that is no IANA zone', 'timeZone', { timeZone: 'GMT+8 Beijing' }],
    [
      'a start without a leading zero',
      'weeklyHours.1.0.start',
      { weeklyHours: { 1: [{ start: '9:00', end: '17:00' }] } },
    ],
    ['a start at 24:00', 'weeklyHours.1.0.start', { weeklyHours: { 1: [{ start: '24:00', end: '24:00' }] } }],
    ['an end at 25:00', 'weeklyHours.1.0.end', { weeklyHours: { 1: [{ start: '09:00', end: '25:00' }] } }],
    ['minutes past 59', 'weeklyHours.1.0.start', { weeklyHours: { 1: [{ start: '09:75', end: '17:00' }] } }],
    [
      'an end before its start',
      'weeklyHours.2.0.end',
      { weeklyHours: { 2: [{ start: '17:00', end: '09:00' }] } },
    ],
    [
      'an end equal to its start',
      'weeklyHours.2.0.end',
      { weeklyHours: { 2: [{ start: '09:00', end: '09:00' }] } },
    ],
    [
      'overlapping intervals on one day',
      'weeklyHours.3.0',
      {
        weeklyHours: {
          3: [
            { start: '13:00', end: '18:00' },
            { start: '09:00', end: '13:30' },
          ],
        },
      },
    ],
    [
      'an interval inside an earlier one',
      'weeklyHours.3.1',
      {
        weeklyHours: {
          3: [
            { start: '08:00', end: '18:00' },
            { start: '12:00', end: '13:00' },
          ],
        },
      },
    ],
    [
      'a weekday 8',
      'weeklyHours.8',
      {
        weeklyHours: {
          ...mondayToFriday(nineToFive),
          8: [nineToFive],
        } as BusinessCalendarInput['weeklyHours'],
      },
    ],
    ['no working time at all', 'weeklyHours', { weeklyHours: {} }],
    ['only empty days', 'weeklyHours', { weeklyHours: { 1: [], 2: [] } }],
    [
      'a holiday date not written YYYY-MM-DD',
      'holidays.0.date',
      { holidays: [{ date: '2026-10-1', name: 'National Day' }] },
    ],
    [
      'a holiday on a date that does not exist',
      'holidays.0.date',
      { holidays: [{ date: '2026-02-30', name: 'Nowhere' }] },
    ],
    ['a holiday without a name', 'holidays.0.name', { holidays: [{ date: '2026-10-01', name: '' }] }],
    [
      'a holiday listed twice',
      'holidays.1.date',
      {
        holidays: [
          { date: '2026-10-01', name: 'National Day' },
          { date: '2026-10-01', name: '国庆节' },
        ],
      },
    ],
    [
      'a date both holiday and make-up day',
      'makeUpWorkingDays.0.date',
      {
        holidays: [{ date: '2026-10-01', name: 'National Day' }],
        makeUpWorkingDays: [{ date: '2026-10-01' }],
      },
    ],
    [
      'a make-up day on a date that does not exist',
      'makeUpWorkingDays.0.date',
      { makeUpWorkingDays: [{ date: '2026-13-01' }] },
    ],
    [
      'a make-up day listed twice',
      'makeUpWorkingDays.1.date',
      { makeUpWorkingDays: [{ date: '2026-10-10' }, { date: '2026-10-10' }] },
    ],
    [
      'a make-up day with no intervals',
      'makeUpWorkingDays.0.hours',
      { makeUpWorkingDays: [{ date: '2026-10-10', hours: [] }] },
    ],
    [
      'a make-up day with a bad interval',
      'makeUpWorkingDays.0.hours.0.end',
      { makeUpWorkingDays: [{ date: '2026-10-10', hours: [{ start: '09:00', end: '08:00' }] }] },
    ],
    [
      'a make-up day borrowing the hours of a Monday that has none',
      'makeUpWorkingDays.0.hours',
      { weeklyHours: { 2: [nineToFive] }, makeUpWorkingDays: [{ date: '2026-10-10' }] },
    ],
    [
      'an on-call duty for no priority',
      'onCall.appliesTo',
      { onCall: { appliesTo: [], rota: 'around-the-clock' } },
    ],
    ['an on-call rota without shifts', 'onCall.rota', { onCall: { appliesTo: ['URGENT'], rota: [] } }],
    [
      'an on-call shift on weekday 0',
      'onCall.rota.0.weekday',
      { onCall: { appliesTo: ['URGENT'], rota: [{ weekday: 0 as 1, start: '18:00', end: '22:00' }] } },
    ],
    [
      'an on-call shift through midnight',
      'onCall.rota.0.end',
      { onCall: { appliesTo: ['URGENT'], rota: [{ weekday: 5, start: '22:00', end: '06:00' }] } },
    ],
    [
      'an on-call shift with both a weekday and a date',
      'onCall.rota.0',
      {
        onCall: {
          appliesTo: ['URGENT'],
          rota: [{ weekday: 4, date: '2026-10-01', start: '09:00', end: '17:00' }],
        },
      },
    ],
    [
      'an on-call shift on a bad date',
      'onCall.rota.0.date',
      { onCall: { appliesTo: ['URGENT'], rota: [{ date: '01.10.2026', start: '09:00', end: '17:00' }] } },
    ],
  ])('refuses %s, naming %s', (_, field, overrides) => {
    expect(fieldsNamedBy(calendar(overrides))).toEqual([field]);
  });

  it('names every invalid field at once', () => {
    const input = calendar({
      id: 'Bad Id',
      timeZone: 'Mars/Olympus',
      holidays: [{ date: 'tomorrow', name: 'Someday' }],
      onCall: { appliesTo: ['URGENT'], rota: [] },
    });
    expect(fieldsNamedBy(input)).toEqual(['id', 'timeZone', 'holidays.0.date', 'onCall.rota']);
    expect(() => validateCalendar(input)).toThrow(ValidationFailed);
  });

  it.each<[string, Partial<BusinessCalendarInput>]>([
    [
      'a lunch break as two intervals',
      {
        weeklyHours: {
          1: [
            { start: '09:00', end: '12:00' },
            { start: '13:30', end: '18:00' },
          ],
        },
      },
    ],
    [
      'intervals that touch',
      {
        weeklyHours: {
          1: [
            { start: '09:00', end: '12:00' },
            { start: '12:00', end: '18:00' },
          ],
        },
      },
    ],
    ['a day worked to midnight', { weeklyHours: { 6: [{ start: '00:00', end: '24:00' }] } }],
    [
      'a make-up day with its own hours on a calendar without Monday hours',
      {
        weeklyHours: { 2: [nineToFive] },
        makeUpWorkingDays: [{ date: '2026-10-10', hours: [{ start: '10:00', end: '15:00' }] }],
      },
    ],
    [
      'on-call shifts overlapping each other and normal hours',
      {
        onCall: {
          appliesTo: ['URGENT', 'HIGH'],
          rota: [
            { weekday: 1, start: '00:00', end: '24:00' },
            { weekday: 1, start: '20:00', end: '22:00' },
            { date: '2026-10-01', start: '08:00', end: '20:00' },
          ],
        },
      },
    ],
  ])('accepts %s', (_, overrides) => {
    expect(fieldsNamedBy(calendar(overrides))).toEqual([]);
  });

  it('fills in missing holidays and make-up days as none', () => {
    expect(validateCalendar(calendar())).toMatchObject({ holidays: [], makeUpWorkingDays: [] });
  });

  it('accepts its own default calendars', () => {
    expect(defaultCalendars().map((c) => [c.id, c.timeZone])).toEqual([
      ['cn-standard', 'Asia/Shanghai'],
      ['fi-standard', 'Europe/Helsinki'],
      ['24x7', 'Asia/Shanghai'],
    ]);
  });
});
