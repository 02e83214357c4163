import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const caseAssignedToAgentV1 = publicEvent({
  service: 'workflow',
  type: 'CaseAssignedToAgent',
  version: 1,
  description: "An agent of the case's queue became its owner.",
  data: z.strictObject({
    caseId: z.guid().describe('The case, as intake opened it'),
    queue: z.string().describe('The queue the agent was picked from'),
    agentId: z.string(),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who assigned: a supervisor, or the assignment process'),
    reason: z.string().describe('Why this agent, e.g. the skills and load pickAgent matched'),
    assignedAt: z.iso.datetime({ offset: true }),
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
      assignedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
