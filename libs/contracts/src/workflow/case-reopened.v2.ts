import { z } from 'zod';
import { publicEvent, upcastFrom } from '../published-language/public-event';
import { caseReopenedV1 } from './case-reopened.v1';

/** v2: a reopened case whose last owner has no room waits in its queue (waitsForRoom) instead of exceeding capacity. */
export const caseReopenedV2 = publicEvent({
  service: 'workflow',
  type: 'CaseReopened',
  version: 2,
  description:
    'A resolved or recently closed case is worked again: by its last owner when they have room, else it waits in its queue for an agent with room.',
  data: z.strictObject({
    caseId: z.guid().describe('The case, as intake opened it'),
    queue: z.string(),
    agentId: z.string().describe('The last owner: they have it again unless waitsForRoom'),
    waitsForRoom: z
      .boolean()
      .optional()
      .describe(
        'True when the last owner had no room (or no longer works the queue): the case waits in its queue, without an owner, for an agent with room. Absent (v1) reads as false',
      ),
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
      waitsForRoom: true,
      actor: {
        id: 'cust-1',
        kind: 'user',
      },
      reason: '又被扣了一次',
      reopenedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
  upcastFrom: upcastFrom(caseReopenedV1, (v1) => ({ ...v1, waitsForRoom: false })),
});
