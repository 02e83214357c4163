import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const slaEscalatedV1 = publicEvent({
  service: 'workflow',
  type: 'SlaEscalated',
  version: 1,
  description:
    'A running SLA clock reached an escalation level; its supervisor is alerted about the work the holding unit holds.',
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
    level: z.int().min(1),
    notify: z
      .enum(['UNIT_SUPERVISOR', 'PARENT_UNIT_SUPERVISOR'])
      .describe(
        "Whom the level alerts: the holding unit's supervisor, or the supervisor of the unit above it",
      ),
    holdingUnit: z
      .string()
      .nullable()
      .describe(
        "Who holds the work: the task's target, or the unit owning the case's queue when the level was reached",
      ),
    supervisorUnit: z
      .string()
      .nullable()
      .describe(
        'The unit whose supervisor is alerted: the holding unit, or its parent; null when there is none',
      ),
    supervisorId: z
      .string()
      .nullable()
      .describe('The supervisor alerted; null when the org directory names none'),
    dueAt: z.iso.datetime({ offset: true }).describe("The clock's due time"),
    escalatedAt: z.iso
      .datetime({ offset: true })
      .describe('When the escalation was recorded (its timer fired)'),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      clockKey: 'case:response',
      taskId: '2c4e6a8b-1d3f-4b5d-9e7f-0a2c4e6a8b1d',
      level: 1,
      notify: 'UNIT_SUPERVISOR',
      holdingUnit: 'holdingunit-1',
      supervisorUnit: 'gd-service',
      supervisorId: 'sup-li',
      dueAt: '2026-11-23T02:00:00.000Z',
      escalatedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
