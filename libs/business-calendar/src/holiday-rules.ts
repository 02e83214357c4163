import type { FieldError } from '@collab/domain-kernel';
import { WEEKDAYS, type Holiday, type HolidayRule } from './business-calendar';
import { invalidText } from './interval.validation';

/**
 * Holidays that follow a rule, worked out for any year: a fixed date (元旦 1 January, vappu
 * 1 May), a day counted from Easter Sunday (Good Friday −2, Ascension +39), or the first given
 * weekday on or after a date (Midsummer Eve: the Friday from 19 June). What a government announces
 * each year (China's lunar holidays and 调休) follows no rule and stays data.
 */

const MONTH_DAY = /^(\d{2})-(\d{2})$/;
/** Days in each month of a leap year: a fixed 02-29 is a holiday in leap years only. */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Pentecost is +49, Corpus Christi +60; a rule further from Easter than this is a typo. */
const MAX_EASTER_OFFSET = 120;
const MS_PER_DAY = 86_400_000;

const monthDayOf = (value: string): { month: number; day: number } | undefined => {
  const match = MONTH_DAY.exec(value);
  if (!match) return undefined;
  const [month, day] = [Number(match[1]), Number(match[2])];
  return month >= 1 && month <= 12 && day >= 1 && day <= (DAYS_IN_MONTH[month - 1] ?? 0) ? { month, day } : undefined;
};

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * Easter Sunday of a Gregorian year, as `YYYY-MM-DD`: the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher), exact for every year of the Gregorian calendar.
 */
export const easterSunday = (year: number): string => {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(Date.UTC(year, month - 1, day));
};

/** The date the rule gives in `year`, or undefined (a fixed 29 February in a common year). */
export const ruleDateIn = (rule: HolidayRule, year: number): string | undefined => {
  switch (rule.rule) {
    case 'fixed': {
      const monthDay = monthDayOf(rule.date);
      if (!monthDay) return undefined;
      const ms = Date.UTC(year, monthDay.month - 1, monthDay.day);
      return new Date(ms).getUTCMonth() === monthDay.month - 1 ? isoDate(ms) : undefined;
    }
    case 'easter':
      return isoDate(Date.parse(`${easterSunday(year)}T00:00:00Z`) + rule.offsetDays * MS_PER_DAY);
    case 'weekday-on-or-after': {
      const monthDay = monthDayOf(rule.date);
      if (!monthDay) return undefined;
      const from = Date.UTC(year, monthDay.month - 1, monthDay.day);
      const isoWeekday = ((new Date(from).getUTCDay() + 6) % 7) + 1;
      return isoDate(from + ((rule.weekday - isoWeekday + 7) % 7) * MS_PER_DAY);
    }
  }
};

/** The holidays the rules give in one year, in date order (a date two rules give is listed once). */
export const ruleHolidaysIn = (rules: readonly HolidayRule[], year: number): Holiday[] => {
  const byDate = new Map<string, Holiday>();
  for (const rule of rules) {
    const date = ruleDateIn(rule, year);
    if (date !== undefined && !byDate.has(date)) byDate.set(date, { date, name: rule.name });
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
};

const invalidRuleShape = (rule: HolidayRule, field: string): FieldError[] => {
  switch (rule.rule) {
    case 'fixed':
      return monthDayOf(rule.date) ? [] : [{ field: `${field}.date`, message: 'must be a month and day MM-DD, such as 01-01' }];
    case 'easter':
      return Number.isInteger(rule.offsetDays) && Math.abs(rule.offsetDays) <= MAX_EASTER_OFFSET
        ? []
        : [{ field: `${field}.offsetDays`, message: `must be a whole number of days from Easter Sunday, −${MAX_EASTER_OFFSET} to ${MAX_EASTER_OFFSET}` }];
    case 'weekday-on-or-after':
      return [
        ...(WEEKDAYS.includes(rule.weekday) ? [] : [{ field: `${field}.weekday`, message: 'must be a weekday from 1 (Monday) to 7 (Sunday)' }]),
        ...(monthDayOf(rule.date) ? [] : [{ field: `${field}.date`, message: 'must be a month and day MM-DD, such as 06-19' }]),
      ];
    default:
      return [{ field: `${field}.rule`, message: 'must be fixed, easter or weekday-on-or-after' }];
  }
};

export const invalidHolidayRules = (rules: readonly HolidayRule[], maxNameLength: number): FieldError[] =>
  rules.flatMap((rule, index) => [
    ...invalidRuleShape(rule, `holidayRules.${index}`),
    ...invalidText(rule.name, `holidayRules.${index}.name`, maxNameLength),
  ]);
