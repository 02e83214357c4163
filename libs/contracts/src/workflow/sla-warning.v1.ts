import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const slaWarningV1 = publicEvent({
  service: 'workflow',
  type: 'SlaWarning',
  version: 1,
  description: "A running SLA clock reached its policy's warning share of the target.",
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
    percent: z.int().min(1).max(100).describe('The share of the target reached'),
    dueAt: z.iso.datetime({ offset: true }).describe('When the clock breaches'),
    warnedAt: z.iso.datetime({ offset: true }).describe('When the warning was recorded (its timer fired)'),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      clockKey: 'case:response',
      taskId: '2c4e6a8b-1d3f-4b5d-9e7f-0a2c4e6a8b1d',
      percent: 1,
      dueAt: '2026-11-23T02:00:00.000Z',
      warnedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
