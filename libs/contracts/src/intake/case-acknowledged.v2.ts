import { z } from 'zod';
import { publicEvent, upcastFrom } from '../published-language/public-event';
import { caseAcknowledgedV1 } from './case-acknowledged.v1';

/** Whether the promise was counted on everything the calendar will know (issue 12). */
const coverage = z
  .strictObject({
    complete: z.boolean().describe('false: part of the promise falls after announcedThrough, where a holiday announced later may move it'),
    announcedThrough: z.iso.date().optional().describe("The last date the calendar's announced holidays cover; absent for a calendar of rules only"),
    warning: z.string().optional().describe('Said in words when incomplete, naming the calendar'),
  })
  .nullable()
  .describe('null: acknowledged before intake recorded coverage (a v1 acknowledgement)');

/**
 * v2 says whether the promise was counted within the calendar's announced holidays, as the
 * acknowledgement answer and the expected-times endpoint do; v1 events upcast with coverage null
 * (not known). Its description also names the calendar rightly: the case process's front-line
 * stage's, not the channel's (ADR 0012, one promise).
 */
export const caseAcknowledgedV2 = publicEvent({
  service: 'intake',
  type: 'CaseAcknowledged',
  version: 2,
  description:
    "The promise made at once to the requester: the case number and honest expected first-response and resolution times, counted in business time on the calendar of the case process's front-line stage, and whether that calendar's announced holidays cover them. v2: coverage.",
  data: z.strictObject({ ...caseAcknowledgedV1.data.shape, coverage }),
  examples: [
    { ...caseAcknowledgedV1.examples[0]!, coverage: { complete: true, announcedThrough: '2026-12-31' } },
    {
      caseId: '0b7e2d4c-1f3a-4e5b-8c9d-6a7b8c9d0e1f',
      caseNumber: 'BJ-20261231-000007',
      acknowledgedAt: '2026-12-31T09:00:00.000Z',
      expectedFirstResponseAt: '2027-01-04T02:00:00.000Z',
      expectedResolutionAt: '2027-01-05T01:00:00.000Z',
      calendarId: 'cn-standard',
      coverage: {
        complete: false,
        announcedThrough: '2026-12-31',
        warning: 'calendar cn-standard has announced holidays only through 2026-12-31: after that it knows its rule-based holidays alone, so this promise may move when the next year’s holidays are announced',
      },
    },
  ],
  upcastFrom: upcastFrom(caseAcknowledgedV1, (v1) => ({ ...v1, coverage: null })),
});
