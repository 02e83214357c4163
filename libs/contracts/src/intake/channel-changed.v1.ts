import { z } from 'zod';
import { publicEvent, distinct, atLeastFields } from '../published-language/public-event';

export const channelChangedV1 = publicEvent({
  service: 'intake',
  type: 'ChannelChanged',
  version: 1,
  description: 'Some settings of a registered channel changed; only the changed settings are present.',
  data: atLeastFields(
    z.strictObject({
      channelId: z
        .string()
        .regex(/^[a-z][a-z0-9-]{1,62}$/)
        .describe("The channel's id, a lowercase slug such as app, wechat or partner-api"),
      name: z.string().min(1).max(200).optional(),
      audiences: distinct(z.array(z.enum(['EXTERNAL', 'INTERNAL', 'PARTNER'])).min(1))
        .describe('Which kinds of customer the channel serves')
        .optional(),
      calendarId: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
        .describe('The business calendar its service hours follow, e.g. cn-standard or 24x7')
        .optional(),
      defaultLanguage: z
        .string()
        .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
        .describe("BCP 47 language tag used when a contact's language cannot be told from its text")
        .optional(),
      changedAt: z.iso.datetime({ offset: true }),
    }),
    3,
  ),
  examples: [
    {
      channelId: 'app',
      name: 'Guangdong complaints',
      audiences: ['EXTERNAL'],
      calendarId: 'cn-standard',
      defaultLanguage: 'zh-CN',
      changedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
