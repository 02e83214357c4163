import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const slaClockStoppedV1 = publicEvent({
  service: 'workflow',
  type: 'SlaClockStopped',
  version: 1,
  description:
    'The work an SLA clock measures was done (or the case was cancelled); met when that was no later than its due time. Its pending timers never fire.',
  data: z.strictObject({
    caseId: z.guid().describe('The case, as intake opened it; its SLA stream is sla-<caseId>'),
    clockKey: z
      .string()
      .regex(/^(case:(response|resolution|auto-close)|task:.+:(accept|complete))$/)
      .describe(
        'Which clock: case:response, case:resolution, case:auto-close (the quiet period before auto-close), task:<taskId>:accept or task:<taskId>:complete',
      ),
    taskId: z
      .string()
      .nullable()
      .describe("The collaboration task of a task clock; null for the case's own clocks"),
    reason: z
      .enum([
        'WORK_STARTED',
        'RESOLVED',
        'CANCELLED',
        'CLOSED',
        'REOPENED',
        'TASK_ACCEPTED',
        'TASK_COMPLETED',
        'TASK_RETURNED',
        'TASK_WITHDRAWN',
      ])
      .describe('The fact that stopped the clock'),
    dueAt: z.iso.datetime({ offset: true }),
    met: z
      .boolean()
      .describe(
        'Stopped no later than its due time; for the quiet period: the requester confirmed or reopened before it ran out',
      ),
    stoppedAt: z.iso.datetime({ offset: true }).describe('When the fact that stopped it happened'),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      clockKey: 'case:response',
      taskId: '2c4e6a8b-1d3f-4b5d-9e7f-0a2c4e6a8b1d',
      reason: 'WORK_STARTED',
      dueAt: '2026-11-23T02:00:00.000Z',
      met: true,
      stoppedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
