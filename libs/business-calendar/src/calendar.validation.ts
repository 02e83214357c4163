import { IANAZone } from 'luxon';
import { ValidationFailed, type FieldError } from '@collab/domain-kernel';
import {
  WEEKDAYS,
  type BusinessCalendar,
  type Holiday,
  type MakeUpWorkingDay,
  type WeeklyHours,
} from './business-calendar';
import { invalidDate, invalidDayHours, invalidText, repeatedDates } from './interval.validation';
import { invalidHolidayRules, ruleHolidaysIn } from './holiday-rules';
import { invalidOnCall } from './on-call.validation';

/** A calendar id is a slug, as channels refer to it: `cn-standard`, `24x7`. */
export const CALENDAR_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
const MAX_NAME_LENGTH = 200;

/** What an administrator or a seed supplies; a calendar without holidays or make-up days may leave them out. */
export type BusinessCalendarInput = Omit<BusinessCalendar, 'holidays' | 'makeUpWorkingDays'> & {
  readonly holidays?: readonly Holiday[];
  readonly makeUpWorkingDays?: readonly MakeUpWorkingDay[];
};

const invalidIdentity = (input: BusinessCalendarInput): FieldError[] => [
  ...(CALENDAR_ID_PATTERN.test(input.id)
    ? []
    : [{ field: 'id', message: 'must be a slug such as cn-standard or 24x7' }]),
  ...invalidText(input.name, 'name', MAX_NAME_LENGTH),
  ...(typeof input.timeZone === 'string' && IANAZone.isValidZone(input.timeZone)
    ? []
    : [{ field: 'timeZone', message: 'must be an IANA time zone such as Asia/Shanghai or Europe/Helsinki' }]),
];

const isWeekdayKey = (key: string): boolean => WEEKDAYS.some((weekday) => String(weekday) === key);

/** A calendar without any weekly working time would make every deadline search run to its horizon. */
const invalidWeeklyHours = (weeklyHours: WeeklyHours): FieldError[] => {
  const days = Object.entries(weeklyHours);
  const errors = days.flatMap(([key, intervals]): FieldError[] =>
    isWeekdayKey(key)
      ? invalidDayHours(intervals ?? [], `weeklyHours.${key}`)
      : [{ field: `weeklyHours.${key}`, message: 'must be a weekday from 1 (Monday) to 7 (Sunday)' }],
  );
  const working = days.some(([key, intervals]) => isWeekdayKey(key) && (intervals?.length ?? 0) > 0);
  return working
    ? errors
    : [...errors, { field: 'weeklyHours', message: 'must have working hours on at least one weekday' }];
};

const invalidHolidays = (holidays: readonly Holiday[]): FieldError[] => [
  ...holidays.flatMap((holiday, index) => [
    ...invalidDate(holiday.date, `holidays.${index}.date`),
    ...invalidText(holiday.name, `holidays.${index}.name`, MAX_NAME_LENGTH),
  ]),
  ...repeatedDates(
    holidays.map((holiday) => holiday.date),
    (index) => `holidays.${index}.date`,
  ),
];

const invalidMakeUpHours = (day: MakeUpWorkingDay, field: string, weeklyHours: WeeklyHours): FieldError[] => {
  if (day.hours === undefined)
    return (weeklyHours[1]?.length ?? 0) > 0
      ? []
      : [
          {
            field,
            message: 'must be given: a make-up day works Monday’s hours by default, and Monday has none',
          },
        ];
  if (day.hours.length === 0)
    return [{ field, message: 'must list at least one interval, or be left out for Monday’s hours' }];
  return invalidDayHours(day.hours, field);
};

const invalidMakeUpDay = (
  day: MakeUpWorkingDay,
  index: number,
  calendar: BusinessCalendarInput,
): FieldError[] => {
  const field = `makeUpWorkingDays.${index}`;
  const isHoliday = (calendar.holidays ?? []).some((holiday) => holiday.date === day.date);
  const byRule = ruleHolidayOn(calendar, day.date);
  return [
    ...(byRule === undefined
      ? []
      : [{ field: `${field}.date`, message: `is a holiday by rule (${byRule}); a day is one or the other` }]),
    ...invalidDate(day.date, `${field}.date`),
    ...(isHoliday
      ? [{ field: `${field}.date`, message: `is also a holiday (${day.date}); a day is one or the other` }]
      : []),
    ...invalidMakeUpHours(day, `${field}.hours`, calendar.weeklyHours),
    ...(day.name === undefined ? [] : invalidText(day.name, `${field}.name`, MAX_NAME_LENGTH)),
  ];
};

/** The name of the rule-based holiday on `date`, if the date is well formed and a rule gives it. */
const ruleHolidayOn = (calendar: BusinessCalendarInput, date: string): string | undefined => {
  if (!calendar.holidayRules || invalidDate(date, 'date').length > 0) return undefined;
  const rules = invalidHolidayRules(calendar.holidayRules, MAX_NAME_LENGTH).length > 0 ? [] : calendar.holidayRules;
  return ruleHolidaysIn(rules, Number(date.slice(0, 4))).find((holiday) => holiday.date === date)?.name;
};

const invalidCoverage = (calendar: BusinessCalendarInput): FieldError[] => [
  ...invalidHolidayRules(calendar.holidayRules ?? [], MAX_NAME_LENGTH),
  ...(calendar.announcedThrough === undefined ? [] : invalidDate(calendar.announcedThrough, 'announcedThrough')),
];

const invalidMakeUpDays = (calendar: BusinessCalendarInput): FieldError[] => {
  const days = calendar.makeUpWorkingDays ?? [];
  return [
    ...days.flatMap((day, index) => invalidMakeUpDay(day, index, calendar)),
    ...repeatedDates(
      days.map((day) => day.date),
      (index) => `makeUpWorkingDays.${index}.date`,
    ),
  ];
};

/**
 * The one way to obtain a calendar the business-time functions can trust. Throws ValidationFailed
 * naming every invalid field. The JSON shape is the edge's job (its schema); this checks meaning.
 */
export const validateCalendar = (input: BusinessCalendarInput): BusinessCalendar => {
  const errors = [
    ...invalidIdentity(input),
    ...invalidWeeklyHours(input.weeklyHours),
    ...invalidHolidays(input.holidays ?? []),
    ...invalidCoverage(input),
    ...invalidMakeUpDays(input),
    ...invalidOnCall(input.onCall),
  ];
  if (errors.length > 0) throw new ValidationFailed(errors);
  return { ...input, holidays: input.holidays ?? [], makeUpWorkingDays: input.makeUpWorkingDays ?? [] };
};
