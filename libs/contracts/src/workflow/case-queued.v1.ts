import { z } from 'zod';
import { publicEvent, upcastFrom } from '../published-language/public-event';
import { caseAssignedV1 } from './case-assigned.v1';

/**
 * CaseAssigned v1 said "assigned" for a case put in a queue, with no assignee. CaseQueued is a new
 * public type, not a new version: consumers of CaseAssigned v1 see no new ones after the rename;
 * readers lift CaseAssigned v1 messages already on the topic to CaseQueued.
 */
export const caseQueuedV1 = publicEvent({
  service: 'workflow',
  type: 'CaseQueued',
  version: 1,
  description:
    'The case was put in a queue by a routing rule; it waits there for an agent (CaseAssignedToAgent).',
  data: z.strictObject({
    caseId: z.guid(),
    queue: z.string().describe('Id of the queue the case waits in'),
    ruleId: z.string().describe('The routing rule (or fallback) that chose the queue'),
    queuedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      queue: 'gd-complaints',
      ruleId: 'complaints-to-gd',
      queuedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
  upcastFrom: upcastFrom(caseAssignedV1, ({ assignedAt, ...rest }) => ({ ...rest, queuedAt: assignedAt })),
});
