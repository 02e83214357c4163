import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

const sla = z
  .strictObject({
    calendarId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
      .describe("Intake's business calendar the minutes are counted on"),
    responseWithinBusinessMinutes: z
      .int()
      .min(1)
      .describe('First response (a case) or acceptance (a collaboration task)'),
    resolutionWithinBusinessMinutes: z
      .int()
      .min(1)
      .describe('Resolution (a case) or completion (a collaboration task); not less than the response'),
  })
  .describe("A stage's service level in business minutes on the named calendar");

const escalation = z
  .strictObject({
    warnAtPercent: z.int().min(1).max(99),
    levels: z
      .array(
        z.strictObject({
          level: z.int().min(1),
          atPercent: z
            .int()
            .min(100)
            .describe('Share of the SLA elapsed in business time; level 1 is at 100'),
          notify: z
            .enum(['UNIT_SUPERVISOR', 'PARENT_UNIT_SUPERVISOR'])
            .describe('Whom the level alerts, resolved in the org directory when it fires'),
        }),
      )
      .min(1),
  })
  .describe(
    'Warn at warnAtPercent of the SLA; at the breach (level 1, 100%) and beyond, escalate level by level',
  );

export const caseProcessStartedV1 = publicEvent({
  service: 'workflow',
  type: 'CaseProcessStarted',
  version: 1,
  description:
    "The case started on a version of a process, which it keeps whatever is published later. Carries the front-line stage's SLA, the escalation policy and the first due times (business time on sla.calendarId from the case's openedAt), so the case's clocks need nothing else. Appended with CaseRegistered and CaseAssigned. Stream case-<caseId>.",
  data: z.strictObject({
    caseId: z.guid().describe('The case, as intake opened it'),
    processId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
      .describe(
        'The process id, a slug such as billing-complaints; `default` takes every case no other process takes',
      ),
    processVersion: z.int().min(1),
    stageId: z.string().describe("The version's first FRONT_LINE stage"),
    sla: sla,
    escalation: escalation,
    responseDueAt: z.iso.datetime({ offset: true }).describe('When the first response is due'),
    resolutionDueAt: z.iso.datetime({ offset: true }).describe('When the resolution is due'),
    startedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      processId: 'default',
      processVersion: 1,
      stageId: 'stageid-1',
      sla: {
        calendarId: 'cn-standard',
        responseWithinBusinessMinutes: 1,
        resolutionWithinBusinessMinutes: 1,
      },
      escalation: {
        warnAtPercent: 1,
        levels: [
          {
            level: 1,
            atPercent: 100,
            notify: 'UNIT_SUPERVISOR',
          },
        ],
      },
      responseDueAt: '2026-11-23T02:00:00.000Z',
      resolutionDueAt: '2026-11-23T02:00:00.000Z',
      startedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
