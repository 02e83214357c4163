import fc from 'fast-check';
import type { Holiday, HolidayRule } from './business-calendar';
import { defaultCalendar } from './calendar.fixtures';
import { easterSunday, ruleDateIn, ruleHolidaysIn } from './holiday-rules';

/**
 * Gauss's Easter formula with its two exceptions: a different derivation from the anonymous
 * Gregorian algorithm under test, so the property compares two independent computations.
 */
const gaussEaster = (year: number): string => {
  const [a, b, c] = [year % 19, year % 4, year % 7];
  const k = Math.floor(year / 100);
  const p = Math.floor((13 + 8 * k) / 25);
  const q = Math.floor(k / 4);
  const M = (15 - p + k - q) % 30;
  const N = (4 + k - q) % 7;
  const d = (19 * a + M) % 30;
  const e = (2 * b + 4 * c + 6 * d + N) % 7;
  let [month, day] = 22 + d + e <= 31 ? [3, 22 + d + e] : [4, d + e - 9];
  if (d === 29 && e === 6) [month, day] = [4, 19];
  if (d === 28 && e === 6 && (11 * M + 11) % 30 < 19) [month, day] = [4, 18];
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

const weekdayOf = (date: string): number => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

describe('Easter Sunday (anonymous Gregorian algorithm)', () => {
  it.each([
    [1818, '1818-03-22'], // the earliest possible date
    [1943, '1943-04-25'], // the latest possible date
    [2000, '2000-04-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2031, '2031-04-13'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('falls in %i on %s', (year, date) => expect(easterSunday(year)).toBe(date));

  it('is a Sunday from 22 March to 25 April, as Gauss’s formula has it, in any Gregorian year', () =>
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const easter = easterSunday(year);
        expect(easter).toBe(gaussEaster(year));
        expect(weekdayOf(easter)).toBe(7);
        expect(easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25').toBe(true);
      }),
      { numRuns: 2000 },
    ));
});

describe('holiday rules', () => {
  const midsummerEve: HolidayRule = { rule: 'weekday-on-or-after', weekday: 5, date: '06-19', name: 'Juhannusaatto' };

  it.each([
    [2026, '2026-06-19'],
    [2027, '2027-06-25'],
    [2028, '2028-06-23'],
    [2031, '2031-06-20'],
  ])('places Midsummer Eve %i on the Friday from 19 to 25 June: %s', (year, date) =>
    expect(ruleDateIn(midsummerEve, year)).toBe(date));

  it('places Midsummer Eve on a Friday between 19 and 25 June in any year', () =>
    fc.assert(
      fc.property(fc.integer({ min: 1600, max: 9999 }), (year) => {
        const date = ruleDateIn(midsummerEve, year) ?? '';
        expect(weekdayOf(date)).toBe(5);
        expect(date.slice(5) >= '06-19' && date.slice(5) <= '06-25').toBe(true);
      }),
      { numRuns: 500 },
    ));

  it('counts from Easter: Good Friday 2027 is 26 March, Ascension 2027 is 6 May', () => {
    expect(ruleDateIn({ rule: 'easter', offsetDays: -2, name: 'Pitkäperjantai' }, 2027)).toBe('2027-03-26');
    expect(ruleDateIn({ rule: 'easter', offsetDays: 39, name: 'Helatorstai' }, 2027)).toBe('2027-05-06');
  });

  it('gives a fixed 29 February in leap years only', () => {
    const leapDay: HolidayRule = { rule: 'fixed', date: '02-29', name: 'Leap day' };
    expect(ruleDateIn(leapDay, 2028)).toBe('2028-02-29');
    expect(ruleDateIn(leapDay, 2027)).toBeUndefined();
    expect(ruleDateIn(leapDay, 2100)).toBeUndefined();
  });

  it('lists a date two rules give once, in date order', () =>
    expect(
      ruleHolidaysIn(
        [
          { rule: 'fixed', date: '05-01', name: 'Vappu' },
          { rule: 'fixed', date: '01-01', name: 'New Year' },
          { rule: 'fixed', date: '05-01', name: 'Labour Day' },
        ],
        2027,
      ),
    ).toEqual([
      { date: '2027-01-01', name: 'New Year' },
      { date: '2027-05-01', name: 'Vappu' },
    ]));
});

describe('the default calendars’ rules', () => {
  const fiRules = defaultCalendar('fi-standard').holidayRules ?? [];
  const weekdaysOnly = (holidays: readonly Holiday[]) => holidays.filter((holiday) => weekdayOf(holiday.date) <= 5);

  it('give fi-standard exactly the weekday holidays it listed for 2026 before it had rules', () =>
    expect(weekdaysOnly(ruleHolidaysIn(fiRules, 2026))).toEqual([
      { date: '2026-01-01', name: 'Uudenvuodenpäivä' },
      { date: '2026-01-06', name: 'Loppiainen' },
      { date: '2026-04-03', name: 'Pitkäperjantai' },
      { date: '2026-04-06', name: 'Toinen pääsiäispäivä' },
      { date: '2026-05-01', name: 'Vappu' },
      { date: '2026-05-14', name: 'Helatorstai' },
      { date: '2026-06-19', name: 'Juhannusaatto' },
      { date: '2026-12-24', name: 'Jouluaatto' },
      { date: '2026-12-25', name: 'Joulupäivä' },
    ]));

  it('give fi-standard its 2027 holidays, Easter on 28 March', () =>
    expect(ruleHolidaysIn(fiRules, 2027).map((holiday) => holiday.date)).toEqual([
      '2027-01-01',
      '2027-01-06',
      '2027-03-26',
      '2027-03-29',
      '2027-05-01',
      '2027-05-06',
      '2027-06-25',
      '2027-06-26',
      '2027-11-06',
      '2027-12-06',
      '2027-12-24',
      '2027-12-25',
      '2027-12-26',
    ]));

  it('give cn-standard only what a rule fixes: 元旦, 劳动节 and the first three days of 国庆', () =>
    expect(ruleHolidaysIn(defaultCalendar('cn-standard').holidayRules ?? [], 2031).map((holiday) => holiday.date)).toEqual([
      '2031-01-01',
      '2031-05-01',
      '2031-10-01',
      '2031-10-02',
      '2031-10-03',
    ]));
});
