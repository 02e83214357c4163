import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const caseAcknowledgedV1 = publicEvent({
  service: 'intake',
  type: 'CaseAcknowledged',
  version: 1,
  description:
    "The promise made at once to the requester: the case number and honest expected first-response and resolution times, counted in business time on the channel's calendar.",
  data: z.strictObject({
    caseId: z.guid(),
    caseNumber: z.string(),
    acknowledgedAt: z.iso.datetime({ offset: true }),
    expectedFirstResponseAt: z.iso.datetime({ offset: true }),
    expectedResolutionAt: z.iso.datetime({ offset: true }),
    calendarId: z.string().describe('The business calendar the times were computed on'),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      caseNumber: 'GD-20261123-000042',
      acknowledgedAt: '2026-11-23T02:00:00.000Z',
      expectedFirstResponseAt: '2026-11-23T02:00:00.000Z',
      expectedResolutionAt: '2026-11-23T02:00:00.000Z',
      calendarId: 'cn-standard',
    },
  ],
});
