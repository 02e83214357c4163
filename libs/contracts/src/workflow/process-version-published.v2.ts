import { z } from 'zod';
import { publicEvent, upcastFrom } from '../published-language/public-event';
import { processVersionPublishedV1 } from './process-version-published.v1';

// v2 is v1 with one more routing condition: its parts are v1's (frozen there), so they are not repeated here.
const v1 = processVersionPublishedV1.data;
const processV1 = v1.shape.process;
const ruleV1 = processV1.shape.routingRules.element;
const whenV1 = ruleV1.shape.when;

/** zod's `extend` drops a description; the published schema keeps v1's words. */
const describedAs = <S extends z.ZodType>(schema: S, like: z.ZodType): S => (like.description === undefined ? schema : schema.describe(like.description));

const routingRule = ruleV1.extend({
  when: describedAs(
    whenV1.extend({ customerTag: z.array(z.string()).min(1).optional().describe("Customer tags (data's CustomerTagged); matches a customer holding any of them") }),
    whenV1,
  ),
});

const process = describedAs(processV1.extend({ routingRules: describedAs(z.array(routingRule), processV1.shape.routingRules) }), processV1);

/** v2 lets a routing rule name customer tags (`when.customerTag`); a v1 definition reads as it was. */
export const processVersionPublishedV2 = publicEvent({
  service: 'workflow',
  type: 'ProcessVersionPublished',
  version: 2,
  description:
    'A new version of a process was published, carried whole: routing rules with a fallback, stages with their SLAs, escalation levels. A published version never changes; cases keep the version they started on. Stream process-<processId>.',
  data: v1.extend({ process }),
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
