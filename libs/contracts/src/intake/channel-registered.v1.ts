import { z } from 'zod';
import { publicEvent, distinct } from '../published-language/public-event';

export const channelRegisteredV1 = publicEvent({
  service: 'intake',
  type: 'ChannelRegistered',
  version: 1,
  description: 'A channel joined the channel registry (统一接入). Stream channel-<channelId>.',
  data: z.strictObject({
    channelId: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,62}$/)
      .describe("The channel's id, a lowercase slug such as app, wechat or partner-api"),
    kind: z.enum([
      'PHONE',
      'IVR',
      'WEB',
      'APP',
      'EMAIL',
      'CHAT',
      'WECHAT',
      'WEIBO',
      'AI_BOT',
      'STORE',
      'FIELD',
      'ACCOUNT_MANAGER',
      'PARTNER_API',
      'INTERNAL_PORTAL',
    ]),
    name: z.string().min(1).max(200),
    audiences: distinct(z.array(z.enum(['EXTERNAL', 'INTERNAL', 'PARTNER'])).min(1)).describe(
      'Which kinds of customer the channel serves',
    ),
    calendarId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
      .describe('The business calendar its service hours follow, e.g. cn-standard or 24x7'),
    defaultLanguage: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
      .describe("BCP 47 language tag used when a contact's language cannot be told from its text"),
    enabled: z.boolean().describe('Whether it takes contacts from the start'),
    registeredAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      channelId: 'app',
      kind: 'PHONE',
      name: 'Guangdong complaints',
      audiences: ['EXTERNAL'],
      calendarId: 'cn-standard',
      defaultLanguage: 'zh-CN',
      enabled: true,
      registeredAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
