import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const taskCompletedV1 = publicEvent({
  service: 'workflow',
  type: 'TaskCompleted',
  version: 1,
  description: 'The target completed the task with a result.',
  data: z.strictObject({
    taskId: z.string().describe('The collaboration task (协同单); its stream is task-<taskId>'),
    caseId: z.guid().describe('The case, as intake opened it'),
    result: z.string(),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who completed'),
    completedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      taskId: '2c4e6a8b-1d3f-4b5d-9e7f-0a2c4e6a8b1d',
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      result: 'result-1',
      actor: {
        id: 'id-1',
        kind: 'user',
      },
      completedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
