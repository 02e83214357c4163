import { z } from 'zod';
import { publicEvent, upcastFrom } from '../published-language/public-event';
import { overCapacityField } from './case-assigned-to-agent.v2';
import { caseReassignedV1 } from './case-reassigned.v1';

/** v2 records a supervisor's explicit override of the new owner's capacity. */
export const caseReassignedV2 = publicEvent({
  service: 'workflow',
  type: 'CaseReassigned',
  version: 2,
  description:
    "Another agent became the owner; the case stayed in its queue. Beyond the new owner's capacity only by a supervisor's recorded override.",
  data: z.strictObject({
    caseId: z.guid().describe('The case, as intake opened it'),
    queue: z.string(),
    fromAgentId: z.string(),
    toAgentId: z.string(),
    overCapacity: overCapacityField,
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
      fromAgentId: 'agent-ann',
      toAgentId: 'agent-bo',
      overCapacity: null,
      actor: {
        id: 'supervisor-wu',
        kind: 'user',
      },
      reason: 'Ann is on leave',
      reassignedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
  upcastFrom: upcastFrom(caseReassignedV1, (v1) => ({ ...v1, overCapacity: null })),
});
