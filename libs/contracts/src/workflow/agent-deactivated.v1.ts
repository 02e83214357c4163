import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const agentDeactivatedV1 = publicEvent({
  service: 'workflow',
  type: 'AgentDeactivated',
  version: 1,
  description: 'The agent takes no new cases; the cases they own stay theirs.',
  data: z.strictObject({
    agentId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who made the change'),
    reason: z.string().min(1).max(500).describe('Why, as the administrator said'),
    deactivatedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      agentId: 'agent-ann',
      actor: {
        id: 'id-1',
        kind: 'user',
      },
      reason: 'SKILL_MATCH',
      deactivatedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
