import { z } from 'zod';
import { publicEvent, distinct } from '../published-language/public-event';

export const queueDefinedV1 = publicEvent({
  service: 'workflow',
  type: 'QueueDefined',
  version: 1,
  description: 'A unit opened a queue where its cases wait for an owner. Stream org-queue-<queueId>.',
  data: z.strictObject({
    queueId: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,62}$/)
      .describe(
        "Unique across units, queues and partners, except that a unit's own queue may carry the unit's id",
      ),
    unitId: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,62}$/)
      .describe('The unit that owns the queue'),
    name: z.string().min(1).max(200),
    skills: distinct(z.array(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/))).describe(
      'Skills every case in the queue asks of its owner',
    ),
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
      queueId: 'gd-complaints',
      unitId: 'gd-complaints',
      name: 'Guangdong complaints',
      skills: ['skill-1'],
      actor: {
        id: 'id-1',
        kind: 'user',
      },
      reason: 'SKILL_MATCH',
      definedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
