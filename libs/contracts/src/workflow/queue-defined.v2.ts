import { z } from 'zod';
import { publicEvent, distinct, upcastFrom } from '../published-language/public-event';
import { queueDefinedV1 } from './queue-defined.v1';

/** How a queue treats a case's language. */
export const languageRuleField = z
  .enum(['REQUIRED', 'PREFERRED'])
  .describe(
    "REQUIRED: a case waits for an agent who speaks its language; PREFERRED: speakers first, another agent with room when none has room",
  );

/** v2 adds the queue's language rule; every v1 queue behaved as PREFERRED. */
export const queueDefinedV2 = publicEvent({
  service: 'workflow',
  type: 'QueueDefined',
  version: 2,
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
    languageRule: languageRuleField.optional().describe('Absent (v1) reads as PREFERRED, how every queue behaved before'),
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
      queueId: 'en-complaints',
      unitId: 'front-line',
      name: 'English complaints',
      skills: ['complaint'],
      languageRule: 'REQUIRED',
      actor: {
        id: 'admin-zhao',
        kind: 'user',
      },
      reason: 'English complaints wait for an English speaker',
      definedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
  upcastFrom: upcastFrom(queueDefinedV1, (v1) => ({ ...v1, languageRule: 'PREFERRED' as const })),
});
