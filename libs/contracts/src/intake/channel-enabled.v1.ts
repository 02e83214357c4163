import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const channelEnabledV1 = publicEvent({
  service: 'intake',
  type: 'ChannelEnabled',
  version: 1,
  description: 'The channel takes contacts again.',
  data: z.strictObject({
    channelId: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,62}$/)
      .describe("The channel's id, a lowercase slug such as app, wechat or partner-api"),
    enabledAt: z.iso.datetime({ offset: true }),
    reason: z.string().min(1).max(500).optional(),
  }),
  examples: [
    {
      channelId: 'app',
      enabledAt: '2026-11-23T02:00:00.000Z',
      reason: 'SKILL_MATCH',
    },
  ],
});
