import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const queueRetiredV1 = publicEvent({
  service: 'workflow',
  type: 'QueueRetired',
  version: 1,
  description:
    'The queue takes no new cases, agents or routing rules; refused while an active process still routes to it. Cases already in it stay until moved. Stream org-queue-<queueId>.',
  data: z.strictObject({
    queueId: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who retired it'),
    reason: z.string().describe('Why, as the administrator said'),
    retiredAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      queueId: 'gd-refunds',
      actor: {
        id: 'admin-zhao',
        kind: 'user',
      },
      reason: 'refunds are handled by the billing desk now',
      retiredAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
