import { z } from 'zod';
import { publicEvent, distinct } from '../published-language/public-event';

export const agentEnrolledV1 = publicEvent({
  service: 'workflow',
  type: 'AgentEnrolled',
  version: 1,
  description:
    'A person became an agent: the queues they serve, their skills, languages and capacity. Stream org-agent-<agentId>.',
  data: z.strictObject({
    agentId: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/)
      .describe("The person's token subject"),
    unitId: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,62}$/)
      .describe('The unit the agent works for'),
    queues: distinct(z.array(z.string().regex(/^[a-z][a-z0-9-]{1,62}$/))).describe(
      'The queues whose cases the agent takes',
    ),
    skills: distinct(z.array(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/))),
    languages: distinct(z.array(z.string().regex(/^(\*|[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)$/))).describe(
      'Language ranges: zh covers zh-Hans and zh-Hant, * every language',
    ),
    capacity: z.int().min(0).max(1000).describe('How many open cases the agent may own at once'),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who made the change'),
    reason: z.string().describe('Why, as the administrator said').optional(),
    enrolledAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      agentId: 'agent-ann',
      unitId: 'gd-complaints',
      queues: ['gd-complaints'],
      skills: ['skill-1'],
      languages: ['zh-CN'],
      capacity: 1,
      actor: {
        id: 'id-1',
        kind: 'user',
      },
      reason: 'SKILL_MATCH',
      enrolledAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
