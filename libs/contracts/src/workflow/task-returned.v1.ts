import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const taskReturnedV1 = publicEvent({
  service: 'workflow',
  type: 'TaskReturned',
  version: 1,
  description: '退单: the target handed the task back with a reason code from the managed list and a note.',
  data: z.strictObject({
    taskId: z.string().describe('The collaboration task (协同单); its stream is task-<taskId>'),
    caseId: z.guid().describe('The case, as intake opened it'),
    reasonCode: z
      .string()
      .describe('From the managed list of return reasons, e.g. WRONG_UNIT, MISSING_INFORMATION'),
    note: z.string(),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who returned it'),
    returnedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      taskId: '2c4e6a8b-1d3f-4b5d-9e7f-0a2c4e6a8b1d',
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      reasonCode: 'reasoncode-1',
      note: 'Please check the billing run of 2026-11-01.',
      actor: {
        id: 'id-1',
        kind: 'user',
      },
      returnedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
