import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const roleGrantedV1 = publicEvent({
  service: 'workflow',
  type: 'RoleGranted',
  version: 1,
  description:
    'An administrator granted a role to a user within a unit, for tokens that do not carry it: requests of the user (in that unit, or naming none) have the role from now on. Stream role-grants-<userId>.',
  data: z.strictObject({
    userId: z.string().describe('Whose grant: the subject of their tokens'),
    unit: z.string().describe('Within which unit'),
    role: z.string().describe('A role of the access policy, e.g. supervisor'),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who granted it'),
    reason: z.string().nullable(),
    grantedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      userId: 'li.wei',
      unit: 'billing',
      role: 'supervisor',
      actor: { id: 'admin-1', kind: 'user' },
      reason: 'acting head of billing in December',
      grantedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
