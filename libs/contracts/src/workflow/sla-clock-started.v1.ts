import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const slaClockStartedV1 = publicEvent({
  service: 'workflow',
  type: 'SlaClockStarted',
  version: 1,
  description:
    'An SLA clock of the case or of one of its collaboration tasks started, with every instant worked out in business time on its calendar: the warning, the due time and each escalation level.',
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
    holdingUnit: z
      .string()
      .nullable()
      .describe(
        "The task's target (unit or partner) for a task clock; null for the case's clocks, held by the unit owning the case's queue",
      ),
    calendarId: z
      .string()
      .nullable()
      .describe(
        'The business calendar the target counts on; null for the quiet period, which counts calendar minutes',
      ),
    targetMinutes: z
      .int()
      .min(1)
      .describe('The SLA target: business minutes on the calendar (calendar minutes without one)'),
    startedAt: z.iso
      .datetime({ offset: true })
      .describe(
        "When the clock started: the case's opening, the task's opening, the reopening or the resolution",
      ),
    dueAt: z.iso
      .datetime({ offset: true })
      .describe(
        'When the target is reached: the breach, or for the quiet period the moment the case closes itself',
      ),
    warnAt: z.iso
      .datetime({ offset: true })
      .nullable()
      .describe('When the warning falls due; null when the policy warns of nothing before the breach'),
    warnAtPercent: z
      .int()
      .min(1)
      .max(99)
      .nullable()
      .describe('The share of the target the warning stands for'),
    escalations: z
      .array(
        z.strictObject({
          level: z.int().min(1),
          atPercent: z.int().min(1),
          notify: z
            .enum(['UNIT_SUPERVISOR', 'PARENT_UNIT_SUPERVISOR'])
            .describe(
              "Whom the level alerts: the holding unit's supervisor, or the supervisor of the unit above it",
            ),
          at: z.iso.datetime({ offset: true }),
        }),
      )
      .describe('The escalation levels of the policy, in level order, each with the instant it is reached'),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      clockKey: 'case:response',
      taskId: '2c4e6a8b-1d3f-4b5d-9e7f-0a2c4e6a8b1d',
      holdingUnit: 'holdingunit-1',
      calendarId: 'cn-standard',
      targetMinutes: 1,
      startedAt: '2026-11-23T02:00:00.000Z',
      dueAt: '2026-11-23T02:00:00.000Z',
      warnAt: '2026-11-23T02:00:00.000Z',
      warnAtPercent: 1,
      escalations: [
        {
          level: 1,
          atPercent: 1,
          notify: 'UNIT_SUPERVISOR',
          at: '2026-11-23T02:00:00.000Z',
        },
      ],
    },
  ],
});
