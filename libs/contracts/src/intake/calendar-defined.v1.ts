import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

const interval = z.strictObject({
  start: z
    .string()
    .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/)
    .describe("Local wall-clock time HH:mm in the calendar's time zone"),
  end: z
    .string()
    .regex(/^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/)
    .describe('Local wall-clock time HH:mm, after start; 24:00 is the midnight that ends the day'),
});

const hours = z
  .array(interval)
  .describe('Working intervals of one day; the gaps between them are breaks (e.g. lunch 12:00–13:30)');

/** The whole calendar definition as v1 of CalendarDefined and CalendarRevised carry it. */
export const calendarV1 = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
    .describe("The calendar's id, a slug such as cn-standard or 24x7; channels refer to it"),
  name: z.string().min(1).max(200),
  timeZone: z.string().min(1).describe('IANA time zone, e.g. Asia/Shanghai or Europe/Helsinki'),
  weeklyHours: z
    .record(z.string().regex(/^[1-7]$/), hours)
    .describe('Working hours per ISO weekday, 1 = Monday … 7 = Sunday; a weekday left out is not worked'),
  holidays: z
    .array(
      z.strictObject({
        date: z.iso.date().describe("Local calendar date YYYY-MM-DD in the calendar's time zone"),
        name: z.string().min(1).max(200),
      }),
    )
    .describe('Public holidays: no normal working hours that day (on-call shifts still apply)'),
  makeUpWorkingDays: z
    .array(
      z.strictObject({
        date: z.iso.date().describe("Local calendar date YYYY-MM-DD in the calendar's time zone"),
        hours: hours.describe("Its own hours; absent means Monday's hours").optional(),
        name: z.string().min(1).max(200).optional(),
      }),
    )
    .describe(
      '调休: dates worked although their weekday is not (a Saturday worked in exchange for a longer holiday), or weekdays with special hours',
    ),
  onCall: z
    .strictObject({
      appliesTo: z
        .array(z.string().min(1).max(50))
        .min(1)
        .describe("The priorities (e.g. URGENT) whose business time also counts the rota's shifts"),
      rota: z
        .union([
          z.literal('around-the-clock'),
          z
            .array(
              z.union([
                z.strictObject({
                  weekday: z.int().min(1).max(7),
                  start: z
                    .string()
                    .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/)
                    .describe("Local wall-clock time HH:mm in the calendar's time zone"),
                  end: z
                    .string()
                    .regex(/^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/)
                    .describe(
                      'Local wall-clock time HH:mm, after start; 24:00 is the midnight that ends the day',
                    ),
                }),
                z.strictObject({
                  date: z.iso.date().describe("Local calendar date YYYY-MM-DD in the calendar's time zone"),
                  start: z
                    .string()
                    .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/)
                    .describe("Local wall-clock time HH:mm in the calendar's time zone"),
                  end: z
                    .string()
                    .regex(/^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/)
                    .describe(
                      'Local wall-clock time HH:mm, after start; 24:00 is the midnight that ends the day',
                    ),
                }),
              ]),
            )
            .min(1),
        ])
        .describe('值班 shifts, recurring on a weekday or on one date, or around-the-clock'),
    })
    .describe('On-call rota for urgent contacts outside normal hours; absent when there is none')
    .optional(),
});

export const calendarDefinedV1 = publicEvent({
  service: 'intake',
  type: 'CalendarDefined',
  version: 1,
  description:
    "A business calendar was defined. Carries the whole validated definition, so subscribers (workflow's SLA timers) count business time on the same definition intake promises with. Stream calendar-<id>.",
  data: z.strictObject({
    calendar: calendarV1,
    definedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      calendar: {
        id: 'id-1',
        name: 'Guangdong complaints',
        timeZone: 'Asia/Shanghai',
        weeklyHours: {},
        holidays: [
          {
            date: '2026-10-01',
            name: 'Guangdong complaints',
          },
        ],
        makeUpWorkingDays: [
          {
            date: '2026-10-01',
            hours: [
              {
                start: '09:00',
                end: '18:00',
              },
            ],
            name: 'Guangdong complaints',
          },
        ],
        onCall: {
          appliesTo: ['appliesto-1'],
          rota: 'around-the-clock',
        },
      },
      definedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
