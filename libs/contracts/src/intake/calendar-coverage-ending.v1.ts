import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const calendarCoverageEndingV1 = publicEvent({
  service: 'intake',
  type: 'CalendarCoverageEnding',
  version: 1,
  description:
    "A business calendar's announced holidays (lunar holidays, 调休) run out within 60 days: administrators should add the next year's and move announcedThrough, or promises past it will say their coverage is incomplete. Raised once per announcedThrough, on stream coverage-<id>.",
  data: z.strictObject({
    calendarId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
    announcedThrough: z.iso.date().describe("The last date (local to the calendar's time zone) the announced holidays cover"),
    coverageEndsAt: z.iso
      .datetime({ offset: true })
      .describe("The first instant no longer covered: midnight after announcedThrough in the calendar's time zone"),
    raisedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    { calendarId: 'cn-standard', announcedThrough: '2026-12-31', coverageEndsAt: '2026-12-31T16:00:00.000Z', raisedAt: '2026-11-01T16:00:00.000Z' },
  ],
});
