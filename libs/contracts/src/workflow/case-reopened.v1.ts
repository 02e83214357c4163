import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const caseReopenedV1 = publicEvent({
  service: 'workflow',
  type: 'CaseReopened',
  version: 1,
  description: 'A resolved or recently closed case is worked again, by its last owner in its queue.',
  data: z.strictObject({
    caseId: z.guid().describe('The case, as intake opened it'),
    queue: z.string(),
    agentId: z.string(),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who reopened'),
    reason: z.string(),
    reopenedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      queue: 'gd-complaints',
      agentId: 'agent-ann',
      actor: {
        id: 'id-1',
        kind: 'user',
      },
      reason: 'SKILL_MATCH',
      reopenedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
