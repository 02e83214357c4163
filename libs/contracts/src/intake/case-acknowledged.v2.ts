import { z } from 'zod';
import { publicEvent, upcastFrom } from '../published-language/public-event';
import { caseAcknowledgedV1 } from './case-acknowledged.v1';

/** v2 says whether the promise falls within the calendar's announced holidays (v1 did not record it: null). */
export const caseAcknowledgedV2 = publicEvent({
  service: 'intake',
  type: 'CaseAcknowledged',
  version: 2,
  description:
    "The promise made at once to the requester: the case number and honest expected first-response and resolution times, counted in business time on the calendar of the case's process, and whether they fall within the calendar's announced holidays.",
  data: z.strictObject({
    caseId: z.guid(),
    caseNumber: z.string(),
    acknowledgedAt: z.iso.datetime({ offset: true }),
    expectedFirstResponseAt: z.iso.datetime({ offset: true }),
    expectedResolutionAt: z.iso.datetime({ offset: true }),
    calendarId: z.string().describe('The business calendar the times were computed on'),
    coverage: z
      .strictObject({
        complete: z.boolean().describe('False when a promised time falls past the announced holidays'),
        announcedThrough: z
          .string()
          .nullable()
          .describe('The last date (YYYY-MM-DD) the announced holidays cover; null for a calendar of rules only'),
        warning: z.string().nullable().describe('Said in words when incomplete; null otherwise'),
      })
      .nullable()
      .optional()
      .describe(
        "Whether the times fall within the calendar's announced holidays: past them the promise may move when the next year's are announced. Null (or absent, v1) for an acknowledgement made before v2",
      ),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      caseNumber: 'GD-20261231-000042',
      acknowledgedAt: '2026-12-31T08:00:00.000Z',
      expectedFirstResponseAt: '2026-12-31T09:00:00.000Z',
      expectedResolutionAt: '2027-01-04T08:00:00.000Z',
      calendarId: 'cn-standard',
      coverage: {
        complete: false,
        announcedThrough: '2026-12-31',
        warning:
          'calendar cn-standard has announced holidays only through 2026-12-31: after that it knows its rule-based holidays alone, so this promise may move when the next year’s holidays are announced',
      },
    },
  ],
  upcastFrom: upcastFrom(caseAcknowledgedV1, (v1) => ({ ...v1, coverage: null })),
});
