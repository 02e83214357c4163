import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const channelDisabledV1 = publicEvent({
  service: 'intake',
  type: 'ChannelDisabled',
  version: 1,
  description: 'The channel takes no contacts until it is enabled again; contacts on it are refused.',
  data: z.strictObject({
    channelId: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,62}$/)
      .describe("The channel's id, a lowercase slug such as app, wechat or partner-api"),
    disabledAt: z.iso.datetime({ offset: true }),
    reason: z.string().min(1).max(500).optional(),
  }),
  examples: [
    {
      channelId: 'app',
      disabledAt: '2026-11-23T02:00:00.000Z',
      reason: 'SKILL_MATCH',
    },
  ],
});
