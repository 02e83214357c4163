import { z } from 'zod';
import { publicEvent, distinct } from '../published-language/public-event';

export const partnerChangedV1 = publicEvent({
  service: 'workflow',
  type: 'PartnerChanged',
  version: 1,
  description:
    "Some of a partner's settings changed (names, regions, calendar, supervisor); only those are carried.",
  data: z.strictObject({
    partnerId: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/),
    names: z
      .strictObject({
        zh: z.string().min(1).max(200),
        en: z.string().min(1).max(200),
      })
      .describe('The name in Chinese and English')
      .optional(),
    regions: distinct(z.array(z.string().regex(/^[A-Z]{2,3}(-[A-Z0-9]{1,8}){0,3}$/)).min(1))
      .describe('Where the partner works: GD covers GD-SZ')
      .optional(),
    calendarId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
      .describe('The business calendar its service time counts on, e.g. cn-standard')
      .optional(),
    supervisorId: z
      .string()
      .nullable()
      .describe("The supervisor's token subject; escalations and ping-pong go to them")
      .optional(),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who made the change'),
    reason: z.string().describe('Why, as the administrator said').optional(),
    changedAt: z.iso.datetime({ offset: true }),
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
      changedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
