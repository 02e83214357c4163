import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { AROUND_THE_CLOCK, type BusinessCalendarInput } from '@collab/business-calendar';
import { PRIORITIES } from '@collab/intake-domain';
import { defined } from '@collab/service-kit';

/**
 * The JSON shape only. What the values mean (HH:mm times, real dates, an IANA zone, overlapping
 * intervals, a make-up day that is also a holiday, weekdays 1–7) is the domain's to judge, so a
 * well-formed body gets every such problem named in one answer.
 */
const nfcText = z.string().transform((value) => value.normalize('NFC').trim());

const interval = z.object({ start: z.string(), end: z.string() }).strict();
const dayHours = z.array(interval).max(48, { message: 'must list at most 48 intervals' });

const onCallShift = z
  .object({
    weekday: z.number().int().optional(),
    date: z.string().optional(),
    start: z.string(),
    end: z.string(),
  })
  .strict();

export const defineCalendarSchema = z
  .object({
    name: nfcText,
    timeZone: z.string(),
    /** ISO weekday `1` (Monday) … `7` (Sunday) → that day's working intervals; gaps between them are breaks. */
    weeklyHours: z.record(z.string(), dayHours),
    holidays: z
      .array(z.object({ date: z.string(), name: nfcText }).strict())
      .max(2000, { message: 'must list at most 2000 holidays' })
      .optional(),
    /**
     * Holidays every year, by rule: `{ rule: 'fixed', date: 'MM-DD' }`, `{ rule: 'easter', offsetDays }`
     * (Good Friday −2), `{ rule: 'weekday-on-or-after', weekday, date: 'MM-DD' }` (Midsummer Eve: 5, 06-19).
     */
    holidayRules: z
      .array(
        z.discriminatedUnion('rule', [
          z.object({ rule: z.literal('fixed'), date: z.string(), name: nfcText }).strict(),
          z.object({ rule: z.literal('easter'), offsetDays: z.number(), name: nfcText }).strict(),
          z
            .object({ rule: z.literal('weekday-on-or-after'), weekday: z.number().int(), date: z.string(), name: nfcText })
            .strict(),
        ]),
      )
      .max(100, { message: 'must list at most 100 holiday rules' })
      .optional(),
    /** The last date `YYYY-MM-DD` the announced `holidays` and `makeUpWorkingDays` cover; left out, the calendar is rules only. */
    announcedThrough: z.string().optional(),
    /** 调休: dates worked although their weekday is not; without `hours`, Monday's hours. */
    makeUpWorkingDays: z
      .array(z.object({ date: z.string(), hours: dayHours.optional(), name: nfcText.optional() }).strict())
      .max(500, { message: 'must list at most 500 make-up days' })
      .optional(),
    /** 值班: shifts that count as working time for these priorities only. */
    onCall: z
      .object({
        // Intake's own priorities: a typo such as "urgent" would otherwise silently never apply.
        appliesTo: z.array(z.enum(PRIORITIES)).max(PRIORITIES.length * 2),
        rota: z.union([
          z.literal(AROUND_THE_CLOCK),
          z.array(onCallShift).max(500, { message: 'must list at most 500 shifts' }),
        ]),
      })
      .strict()
      .optional(),
  })
  .strict();

export class DefineCalendarRequest extends createZodDto(defineCalendarSchema) {}
export type DefineCalendarInput = z.infer<typeof defineCalendarSchema>;

/** The cast only narrows weekday numbers and shift shapes; validateCalendar names any that are wrong. */
export const calendarInputOf = (calendarId: string, body: DefineCalendarInput): BusinessCalendarInput =>
  ({ id: calendarId, ...defined(body) }) as BusinessCalendarInput;
