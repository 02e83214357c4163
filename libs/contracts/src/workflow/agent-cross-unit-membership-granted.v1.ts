import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const agentCrossUnitMembershipGrantedV1 = publicEvent({
  service: 'workflow',
  type: 'AgentCrossUnitMembershipGranted',
  version: 1,
  description:
    "An administrator let an agent work a queue of another unit (跨部门): the only way an agent serves a queue outside their own unit. The queue joins the agent's queues. Stream org-agent-<agentId>.",
  data: z.strictObject({
    agentId: z.string(),
    queueId: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/),
    queueUnitId: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,62}$/)
      .describe("The unit owning the queue at the grant, not the agent's"),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who granted it'),
    reason: z.string().describe('Why, as the administrator said'),
    grantedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      agentId: 'agent-qian',
      queueId: 'complaints',
      queueUnitId: 'front-line',
      actor: {
        id: 'admin-zhao',
        kind: 'user',
      },
      reason: 'billing complaints peak at month end; Qian helps the front line',
      grantedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
