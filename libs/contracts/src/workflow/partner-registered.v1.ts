import { z } from 'zod';
import { publicEvent, distinct } from '../published-language/public-event';

export const partnerRegisteredV1 = publicEvent({
  service: 'workflow',
  type: 'PartnerRegistered',
  version: 1,
  description:
    'A partner organisation (reseller, content provider, outsourced centre) joined the directory, active. Stream org-partner-<partnerId>.',
  data: z.strictObject({
    partnerId: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,62}$/)
      .describe('Unique across units, queues and partners'),
    names: z
      .strictObject({
        zh: z.string().min(1).max(200),
        en: z.string().min(1).max(200),
      })
      .describe('The name in Chinese and English'),
    regions: distinct(z.array(z.string().regex(/^[A-Z]{2,3}(-[A-Z0-9]{1,8}){0,3}$/)).min(1)).describe(
      'Where the partner works: GD covers GD-SZ',
    ),
    calendarId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
      .describe('The business calendar its service time counts on, e.g. cn-standard'),
    supervisorId: z
      .string()
      .nullable()
      .describe("The supervisor's token subject; escalations and ping-pong go to them"),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who made the change'),
    reason: z.string().describe('Why, as the administrator said').optional(),
    registeredAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      partnerId: 'acme-logistics',
      names: {
        zh: 'zh-1',
        en: 'en-1',
      },
      regions: ['GD'],
      calendarId: 'cn-standard',
      supervisorId: 'sup-li',
      actor: {
        id: 'id-1',
        kind: 'user',
      },
      reason: 'SKILL_MATCH',
      registeredAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
