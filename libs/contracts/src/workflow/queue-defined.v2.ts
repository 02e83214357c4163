import { z } from 'zod';
import { publicEvent, upcastFrom } from '../published-language/public-event';
import { queueDefinedV1 } from './queue-defined.v1';

/** How a queue treats a case's language. */
export const languageRuleField = z
  .enum(['REQUIRED', 'PREFERRED'])
  .describe(
    "REQUIRED: a case waits for an agent who speaks its language; PREFERRED: speakers first, another agent with room when none has room",
  );

const { queueId, unitId, name, skills, ...madeBy } = queueDefinedV1.data.shape;

/** v2 adds the queue's language rule; every v1 queue behaved as PREFERRED. */
export const queueDefinedV2 = publicEvent({
  service: 'workflow',
  type: 'QueueDefined',
  version: 2,
  description: 'A unit opened a queue where its cases wait for an owner. Stream org-queue-<queueId>.',
  // v1's fields in v1's order, the language rule before who made the change.
  data: z.strictObject({
    queueId,
    unitId,
    name,
    skills,
    languageRule: languageRuleField.optional().describe('Absent (v1) reads as PREFERRED, how every queue behaved before'),
    ...madeBy,
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
