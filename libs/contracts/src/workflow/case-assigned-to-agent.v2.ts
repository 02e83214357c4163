import { z } from 'zod';
import { publicEvent, upcastFrom } from '../published-language/public-event';
import { caseAssignedToAgentV1 } from './case-assigned-to-agent.v1';

/** An agent's load and the capacity a supervisor's explicit override went past. */
export const overCapacityField = z
  .strictObject({
    load: z.number().int().min(0).describe('Open cases the agent held before this one'),
    capacity: z.number().int().min(0).describe('How many they may hold'),
  })
  .nullable()
  .optional()
  .describe(
    "Set only when a supervisor explicitly gave the agent more than their capacity (超额): the load and capacity it went past; null within capacity, absent (v1) likewise",
  );

/** v2 records a supervisor's explicit override of the agent's capacity (v1 could not: every v1 assignment was within capacity or unmarked). */
export const caseAssignedToAgentV2 = publicEvent({
  service: 'workflow',
  type: 'CaseAssignedToAgent',
  version: 2,
  description: "An agent of the case's queue became its owner; beyond their capacity only by a supervisor's recorded override.",
  data: z.strictObject({
    caseId: z.guid().describe('The case, as intake opened it'),
    queue: z.string().describe('The queue the agent was picked from'),
    agentId: z.string(),
    overCapacity: overCapacityField,
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who assigned: a supervisor, or the assignment process'),
    reason: z.string().describe('Why this agent, e.g. the skills, language rule and load pickAgent matched'),
    assignedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      queue: 'gd-complaints',
      agentId: 'agent-ann',
      overCapacity: { load: 2, capacity: 2 },
      actor: {
        id: 'supervisor-wu',
        kind: 'user',
      },
      reason: 'VIP customer asked for Ann by name',
      assignedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
  upcastFrom: upcastFrom(caseAssignedToAgentV1, (v1) => ({ ...v1, overCapacity: null })),
});
