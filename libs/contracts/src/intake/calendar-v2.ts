import { z } from 'zod';
import { calendarV1 } from './calendar-defined.v1';

const monthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/)
  .describe('Month and day MM-DD, every year (02-29: leap years only)');
const holidayName = z.string().min(1).max(200);

/** A holiday that follows a rule, the same every year (元旦, Finland's Easter-based days, Midsummer Eve). */
const holidayRule = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('fixed'), date: monthDay, name: holidayName }),
  z.strictObject({
    rule: z.literal('easter'),
    offsetDays: z.int().min(-120).max(120).describe('Days from Gregorian Easter Sunday (Good Friday -2, Easter Monday 1, Ascension 39)'),
    name: holidayName,
  }),
  z.strictObject({
    rule: z.literal('weekday-on-or-after'),
    weekday: z.int().min(1).max(7).describe('ISO weekday, 1 = Monday … 7 = Sunday'),
    date: monthDay.describe('The first such weekday on or after this month and day (Midsummer Eve: 5 from 06-19)'),
    name: holidayName,
  }),
]);

/** v2 of the whole calendar definition: v1 plus holiday rules and how far the announced data reaches. */
export const calendarV2 = calendarV1.extend({
  holidayRules: z
    .array(holidayRule)
    .describe('Holidays that follow a rule, the same every year; the dates they give are holidays like `holidays`. Absent: none')
    .optional(),
  announcedThrough: z.iso
    .date()
    .describe(
      'The last date (inclusive, local) through which the announced `holidays` and `makeUpWorkingDays` are complete; after it only the rules are known. Absent: the calendar announces nothing (rules only)',
    )
    .optional(),
});

export const calendarV2Example: z.input<typeof calendarV2> = {
  id: 'cn-standard',
  name: '中国标准工作日历',
  timeZone: 'Asia/Shanghai',
  weeklyHours: { '1': [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '18:00' }] },
  holidays: [{ date: '2026-02-17', name: '春节' }],
  holidayRules: [
    { rule: 'fixed', date: '01-01', name: '元旦' },
    { rule: 'easter', offsetDays: -2, name: 'Pitkäperjantai' },
    { rule: 'weekday-on-or-after', weekday: 5, date: '06-19', name: 'Juhannusaatto' },
  ],
  makeUpWorkingDays: [{ date: '2026-02-28', name: '春节调休' }],
  announcedThrough: '2026-12-31',
};
