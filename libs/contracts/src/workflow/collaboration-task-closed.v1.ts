import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const collaborationTaskClosedV1 = publicEvent({
  service: 'workflow',
  type: 'CollaborationTaskClosed',
  version: 1,
  description: 'A collaboration task of the case ended: completed, returned (退单) or withdrawn.',
  data: z.strictObject({
    caseId: z.guid().describe('The case, as intake opened it'),
    taskId: z.string().describe('The collaboration task (协同单); its stream is task-<taskId>'),
    outcome: z.enum(['COMPLETED', 'RETURNED', 'WITHDRAWN']),
    reason: z
      .string()
      .nullable()
      .describe('The return reason code or the withdrawal reason; null when completed'),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who recorded the outcome (the task-outcome process)'),
    closedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      taskId: '2c4e6a8b-1d3f-4b5d-9e7f-0a2c4e6a8b1d',
      outcome: 'COMPLETED',
      reason: 'SKILL_MATCH',
      actor: {
        id: 'id-1',
        kind: 'user',
      },
      closedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
