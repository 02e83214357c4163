import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const caseReassignedV1 = publicEvent({
  service: 'workflow',
  type: 'CaseReassigned',
  version: 1,
  description: 'Another agent became the owner; the case stayed in its queue.',
  data: z.strictObject({
    caseId: z.guid().describe('The case, as intake opened it'),
    queue: z.string(),
    fromAgentId: z.string(),
    toAgentId: z.string(),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who reassigned'),
    reason: z.string(),
    reassignedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      queue: 'gd-complaints',
      fromAgentId: 'fromagentid-1',
      toAgentId: 'toagentid-1',
      actor: {
        id: 'id-1',
        kind: 'user',
      },
      reason: 'SKILL_MATCH',
      reassignedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
