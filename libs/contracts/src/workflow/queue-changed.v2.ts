import { z } from 'zod';
import { publicEvent, distinct, upcastFrom } from '../published-language/public-event';
import { languageRuleField } from './queue-defined.v2';
import { queueChangedV1 } from './queue-changed.v1';

/** v2 may carry a new language rule. */
export const queueChangedV2 = publicEvent({
  service: 'workflow',
  type: 'QueueChanged',
  version: 2,
  description:
    'Some settings of a queue changed (name, skills, owning unit, language rule); only those are carried.',
  data: z.strictObject({
    queueId: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/),
    unitId: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,62}$/)
      .describe('The unit that owns the queue')
      .optional(),
    name: z.string().min(1).max(200).optional(),
    skills: distinct(z.array(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/)))
      .describe('Skills every case in the queue asks of its owner')
      .optional(),
    languageRule: languageRuleField.optional(),
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
      queueId: 'complaints',
      languageRule: 'REQUIRED',
      actor: {
        id: 'admin-zhao',
        kind: 'user',
      },
      reason: 'an English case went to an agent who does not speak English',
      changedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
  upcastFrom: upcastFrom(queueChangedV1, (v1) => v1),
});
