import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const processRetiredV1 = publicEvent({
  service: 'workflow',
  type: 'ProcessRetired',
  version: 1,
  description:
    'New cases no longer start on the process; cases that started on it keep their version. Stream process-<processId>.',
  data: z.strictObject({
    processId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
      .describe(
        'The process id, a slug such as billing-complaints; `default` takes every case no other process takes',
      ),
    version: z.int().min(1).describe('The last version, the one retired'),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who retired it'),
    reason: z.string(),
    retiredAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      processId: 'default',
      version: 1,
      actor: {
        id: 'id-1',
        kind: 'user',
      },
      reason: 'SKILL_MATCH',
      retiredAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
