import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const caseWorkStartedV1 = publicEvent({
  service: 'workflow',
  type: 'CaseWorkStarted',
  version: 1,
  description: 'The owner started working the case.',
  data: z.strictObject({
    caseId: z.guid().describe('The case, as intake opened it'),
    agentId: z.string(),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('The owner'),
    startedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      agentId: 'agent-ann',
      actor: {
        id: 'id-1',
        kind: 'user',
      },
      startedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
