import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const feedbackRecordedV1 = publicEvent({
  service: 'workflow',
  type: 'FeedbackRecorded',
  version: 1,
  description: "The requester's satisfaction with the resolution: CSAT 1–5 and a comment.",
  data: z.strictObject({
    caseId: z.guid().describe('The case, as intake opened it'),
    csat: z.int().min(1).max(5),
    comment: z.string().describe('Possibly empty'),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who gave the feedback'),
    recordedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      csat: 1,
      comment: 'Quick and clear.',
      actor: {
        id: 'id-1',
        kind: 'user',
      },
      recordedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
