import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const roleRevokedV1 = publicEvent({
  service: 'workflow',
  type: 'RoleRevoked',
  version: 1,
  description:
    'An administrator took back a role grant: requests of the user no longer have the role through it. Stream role-grants-<userId>.',
  data: z.strictObject({
    userId: z.string().describe('Whose grant: the subject of their tokens'),
    unit: z.string().describe('Within which unit'),
    role: z.string().describe('A role of the access policy, e.g. supervisor'),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who revoked it'),
    reason: z.string().nullable(),
    revokedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      userId: 'li.wei',
      unit: 'billing',
      role: 'supervisor',
      actor: { id: 'admin-1', kind: 'user' },
      reason: 'acting head of billing in December',
      revokedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
