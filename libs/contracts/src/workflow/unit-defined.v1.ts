import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const unitDefinedV1 = publicEvent({
  service: 'workflow',
  type: 'UnitDefined',
  version: 1,
  description:
    'A unit joined the org hierarchy (group → province → city → department) under a unit of a higher level. Stream org-unit-<unitId>.',
  data: z.strictObject({
    unitId: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,62}$/)
      .describe('Unique across units, queues and partners'),
    level: z.enum(['GROUP', 'PROVINCE', 'CITY', 'DEPARTMENT']).describe("Fixed for the unit's life"),
    names: z
      .strictObject({
        zh: z.string().min(1).max(200),
        en: z.string().min(1).max(200),
      })
      .describe('The name in Chinese and English'),
    unitType: z
      .enum(['FRONT_LINE', 'DEPARTMENT'])
      .describe('FRONT_LINE owns cases; DEPARTMENT works collaboration tasks'),
    parentId: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,62}$/)
      .nullable()
      .describe('The unit above it; null only for a GROUP'),
    region: z.string().regex(/^[A-Z]{2,3}(-[A-Z0-9]{1,8}){0,3}$/),
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
    definedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      unitId: 'gd-complaints',
      level: 'GROUP',
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
      definedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
