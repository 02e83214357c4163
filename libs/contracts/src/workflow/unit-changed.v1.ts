import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const unitChangedV1 = publicEvent({
  service: 'workflow',
  type: 'UnitChanged',
  version: 1,
  description:
    'Some settings of a unit changed; only those are carried. A new parentId moves the unit with everything below it.',
  data: z.strictObject({
    unitId: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/),
    names: z
      .strictObject({
        zh: z.string().min(1).max(200),
        en: z.string().min(1).max(200),
      })
      .describe('The name in Chinese and English')
      .optional(),
    unitType: z
      .enum(['FRONT_LINE', 'DEPARTMENT'])
      .describe('FRONT_LINE owns cases; DEPARTMENT works collaboration tasks')
      .optional(),
    parentId: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,62}$/)
      .nullable()
      .describe('The unit above it; null only for a GROUP')
      .optional(),
    region: z
      .string()
      .regex(/^[A-Z]{2,3}(-[A-Z0-9]{1,8}){0,3}$/)
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
      unitId: 'gd-complaints',
      names: {
        zh: 'zh-1',
        en: 'en-1',
      },
      unitType: 'FRONT_LINE',
      parentId: 'billing',
      region: 'GD',
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
