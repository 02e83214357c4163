import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const responsibilityAssignedV1 = publicEvent({
  service: 'workflow',
  type: 'ResponsibilityAssigned',
  version: 1,
  description:
    'An entry of the responsibility matrix: cases of this scope are handled by this unit (and queue) or partner. Stream org-responsibilities.',
  data: z.strictObject({
    entryId: z.guid(),
    scope: z
      .strictObject({
        requestType: z
          .string()
          .regex(/^[A-Z][A-Z_]{1,31}$/)
          .optional(),
        category: z.string().describe('Covers its subcategories: billing covers billing/refund').optional(),
        region: z
          .string()
          .regex(/^[A-Z]{2,3}(-[A-Z0-9]{1,8}){0,3}$/)
          .describe('Covers finer regions: GD covers GD-SZ')
          .optional(),
      })
      .describe('Which cases the entry covers; an absent attribute covers any value'),
    unitId: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,62}$/)
      .describe('A unit or a partner'),
    queueId: z
      .string()
      .nullable()
      .describe(
        "The unit's queue the cases go to; null for a partner or a unit reached by collaboration tasks",
      ),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who made the change'),
    reason: z.string().describe('Why, as the administrator said').optional(),
    assignedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      entryId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      scope: {
        requestType: 'COMPLAINT',
        category: 'billing/wrong-charge',
        region: 'GD',
      },
      unitId: 'gd-complaints',
      queueId: 'gd-complaints',
      actor: {
        id: 'id-1',
        kind: 'user',
      },
      reason: 'SKILL_MATCH',
      assignedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
