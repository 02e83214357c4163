import { ValidationFailed } from '@collab/domain-kernel';
import { addBusinessTime } from './business-time';
import { at, defaultCalendar, nineToFiveDesk, wallClock } from './calendar.fixtures';
import { validateCalendar, type BusinessCalendarInput } from './calendar.validation';
import { coverageOf, coverageWarningAt } from './coverage';

/**
 * Years past the announced ones: the rules place the holidays that follow a rule, and the promise
 * says when it was counted beyond what has been announced.
 */
const SHANGHAI = 'Asia/Shanghai';
const HELSINKI = 'Europe/Helsinki';
const cn = defaultCalendar('cn-standard');
const fi = defaultCalendar('fi-standard');
const FOUR_HOURS = 4 * 60;

describe('business time in years nobody has announced', () => {
  it.each([
    // Thu 31 Dec 17:00: 1 h to 18:00; Fri 1 Jan 2027 is 元旦 by rule, then the weekend; Mon 4 Jan 09:00 + 3 h.
    ['cn-standard, New Year’s Eve 2026 into 元旦 2027', cn, '2026-12-31T17:00', SHANGHAI, 'Mon 2027-01-04 12:00'],
    // Tue 30 Sep 2031 17:00: 1 h; Wed–Fri 1–3 Oct are 国庆 by rule; Mon 6 Oct 09:00 + 3 h.
    ['cn-standard, into 国庆 2031', cn, '2031-09-30T17:00', SHANGHAI, 'Mon 2031-10-06 12:00'],
    // Thu 25 Mar 2027 15:00: 1 h to 16:00; Good Friday 26 Mar, the weekend, Easter Monday 29 Mar; Tue 08:00 + 3 h.
    ['fi-standard, Easter 2027', fi, '2027-03-25T15:00', HELSINKI, 'Tue 2027-03-30 11:00'],
    // Thu 24 Jun 2027 14:00: 2 h; Fri 25 Jun is Midsummer Eve; Mon 28 Jun 08:00 + 2 h.
    ['fi-standard, Midsummer Eve 2027', fi, '2027-06-24T14:00', HELSINKI, 'Mon 2027-06-28 10:00'],
    // Wed 21 May 2031 14:00: 2 h; Thu 22 May is Ascension (Easter 13 Apr + 39); Fri 08:00 + 2 h.
    ['fi-standard, Ascension 2031', fi, '2031-05-21T14:00', HELSINKI, 'Fri 2031-05-23 10:00'],
    // Fri 5 Dec 2031 15:00: 1 h; Sat 6 Dec is Independence Day anyway; Mon 8 Dec 08:00 + 3 h.
    ['fi-standard, Independence Day on a Saturday', fi, '2031-12-05T15:00', HELSINKI, 'Mon 2031-12-08 11:00'],
  ])('%s', (...[, calendar, from, zone, lands]) =>
    expect(wallClock(addBusinessTime(calendar, at(from, zone), FOUR_HOURS), zone)).toBe(lands));

  it('keeps cn-standard’s 2026 exactly: the announced National Day week and its 调休 Saturday', () =>
    // Wed 30 Sep 17:00: 1 h; 1–7 Oct announced; Thu 8 Oct 09:00–12:00 3 h.
    expect(wallClock(addBusinessTime(cn, at('2026-09-30T17:00', SHANGHAI), FOUR_HOURS), SHANGHAI)).toBe('Thu 2026-10-08 12:00'));
});

describe('coverage of a promise', () => {
  it('is complete when every deadline falls on or before the last announced date', () =>
    expect(coverageOf(cn, [at('2026-12-31T18:00', SHANGHAI)])).toEqual({ complete: true, announcedThrough: '2026-12-31' }));

  it('is incomplete, naming the calendar and the date, when a deadline falls after it (in the calendar’s zone)', () => {
    // 2026-12-31T16:30Z is already 1 January 00:30 in Shanghai.
    const coverage = coverageOf(cn, [at('2026-12-31T12:00', SHANGHAI), new Date('2026-12-31T16:30:00Z')]);
    expect(coverage).toMatchObject({ complete: false, announcedThrough: '2026-12-31' });
    expect(coverage.warning).toContain('cn-standard');
    expect(coverage.warning).toContain('2026-12-31');
  });

  it('is always complete on a calendar of rules only', () =>
    expect(coverageOf(fi, [at('2038-04-23T10:00', HELSINKI)])).toEqual({ complete: true }));

  it('is to be warned about 60 days before the first uncovered day, at local midnight', () => {
    expect(coverageWarningAt(cn)).toEqual(at('2026-11-02T00:00', SHANGHAI));
    expect(coverageWarningAt(fi)).toBeUndefined();
  });
});

describe('validating rules and coverage', () => {
  const fieldsNamedBy = (overrides: Partial<BusinessCalendarInput>): string[] => {
    try {
      validateCalendar({ ...nineToFiveDesk(), ...overrides });
    } catch (error) {
      if (error instanceof ValidationFailed) return error.errors.map((failure) => failure.field);
      throw error;
    }
    return [];
  };

  it('names every malformed rule and coverage date', () =>
    expect(
      fieldsNamedBy({
        holidayRules: [
          { rule: 'fixed', date: '02-30', name: 'Nowhere' },
          { rule: 'easter', offsetDays: 1.5, name: 'Half a day' },
          { rule: 'weekday-on-or-after', weekday: 8 as never, date: '6-19', name: '' },
        ],
        announcedThrough: '2026-13-01',
      }),
    ).toEqual([
      'holidayRules.0.date',
      'holidayRules.1.offsetDays',
      'holidayRules.2.weekday',
      'holidayRules.2.date',
      'holidayRules.2.name',
      'announcedThrough',
    ]));

  it('refuses a make-up day on a date a rule makes a holiday: a day is one or the other', () =>
    expect(
      fieldsNamedBy({
        holidayRules: [{ rule: 'fixed', date: '10-03', name: 'National Day' }],
        makeUpWorkingDays: [{ date: '2027-10-03' }],
      }),
    ).toEqual(['makeUpWorkingDays.0.date']));

  it('keeps a calendar without rules or coverage as it was given', () => {
    const calendar = validateCalendar(nineToFiveDesk());
    expect('holidayRules' in calendar || 'announcedThrough' in calendar).toBe(false);
  });
});
