import { z } from 'zod';
import { publicEvent, upcastFrom } from '../published-language/public-event';
import { processVersionPublishedV1 } from './process-version-published.v1';

const values = z.array(z.string()).min(1);

const routingRule = z.strictObject({
  id: z.string(),
  when: z
    .strictObject({
      channel: values.optional(),
      audience: values.optional(),
      requestType: values.optional(),
      category: values.optional(),
      region: values.optional(),
      priority: values.optional(),
      language: values.optional(),
      customerTier: values.optional(),
      customerTag: values.optional().describe("Customer tags (data's CustomerTagged); matches a customer holding any of them"),
    })
    .describe(
      'Every listed fact must match one of its values; category, region and language match downwards',
    ),
  queue: z.string(),
});

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

const stage = z.strictObject({
  id: z.string(),
  name: z.string(),
  unitType: z
    .enum(['FRONT_LINE', 'DEPARTMENT', 'PARTNER'])
    .describe(
      'Who is responsible: the front line, an internal department (OLA) or a partner (underpinning contract)',
    ),
  sla: sla,
});

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

const process = z.strictObject({
  processId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
    .describe(
      'The process id, a slug such as billing-complaints; `default` takes every case no other process takes',
    ),
  version: z.int().min(1),
  name: z.string(),
  scope: z
    .strictObject({
      requestTypes: values.optional(),
      categories: values.optional(),
      audiences: values.optional(),
    })
    .describe(
      'Which new cases the process applies to; an absent list matches anything, categories match downwards',
    ),
  routingRules: z.array(routingRule).describe('In order: the first matching rule routes the case'),
  fallback: z
    .strictObject({
      queue: z.string(),
      ruleId: z.string(),
    })
    .describe('Where a case goes when no rule matches'),
  stages: z.array(stage).min(1).describe("In order; the first FRONT_LINE stage is the case's own main line"),
  escalation: escalation,
  publishedAt: z.iso.datetime({ offset: true }),
});

/** v2 lets a routing rule name customer tags (`when.customerTag`); a v1 definition reads as it was. */
export const processVersionPublishedV2 = publicEvent({
  service: 'workflow',
  type: 'ProcessVersionPublished',
  version: 2,
  description:
    'A new version of a process was published, carried whole: routing rules with a fallback, stages with their SLAs, escalation levels. A published version never changes; cases keep the version they started on. Stream process-<processId>.',
  data: z.strictObject({
    process: process,
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who published'),
    reason: z.string().nullable().describe('Why this version, null when not given'),
  }),
  examples: [
    {
      process: {
        processId: 'default',
        version: 1,
        name: 'Guangdong complaints',
        scope: {
          requestTypes: ['COMPLAINT'],
          categories: ['categorie-1'],
          audiences: ['audience-1'],
        },
        routingRules: [
          {
            id: 'id-1',
            when: {
              channel: ['app'],
              audience: ['audience-1'],
              requestType: ['COMPLAINT'],
              category: ['billing/wrong-charge'],
              region: ['GD'],
              priority: ['priority-1'],
              language: ['zh-CN'],
              customerTier: ['customertier-1'],
            },
            queue: 'gd-complaints',
          },
        ],
        fallback: {
          queue: 'gd-complaints',
          ruleId: 'complaints-to-gd',
        },
        stages: [
          {
            id: 'id-1',
            name: 'Guangdong complaints',
            unitType: 'FRONT_LINE',
            sla: {
              calendarId: 'cn-standard',
              responseWithinBusinessMinutes: 1,
              resolutionWithinBusinessMinutes: 1,
            },
          },
        ],
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
        publishedAt: '2026-11-23T02:00:00.000Z',
      },
      actor: {
        id: 'id-1',
        kind: 'user',
      },
      reason: 'SKILL_MATCH',
    },
  ],
  upcastFrom: upcastFrom(processVersionPublishedV1, (v1) => v1),
});
