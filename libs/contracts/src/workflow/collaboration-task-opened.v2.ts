import { z } from 'zod';
import { publicEvent, upcastFrom } from '../published-language/public-event';
import { collaborationTaskOpenedV1 } from './collaboration-task-opened.v1';
import { ASKER_RULE, PARTY_KINDS, askerOfVersion1, party } from './party';

/** v2 names who asked with its kind (`from`); v1's `fromUnit` held a queue, unit or partner id, and stays for v1 readers. */
export const collaborationTaskOpenedV2 = publicEvent({
  service: 'workflow',
  type: 'CollaborationTaskOpened',
  version: 2,
  description:
    '流程穿越: the case owner (or a unit working one of its tasks) asked another unit or a partner for help; a collaboration task is opened with its own SLA.',
  data: z.strictObject({
    caseId: z.guid().describe('The case, as intake opened it'),
    taskId: z.string().describe('The collaboration task (协同单); its stream is task-<taskId>'),
    parentTaskId: z
      .string()
      .nullable()
      .describe('The task whose holder asked for help in turn (a chain); null when the case owner asked'),
    fromUnit: z.string().describe('Deprecated, kept for v1 readers: the id of `from`, whatever its kind'),
    from: party(PARTY_KINDS)
      .optional()
      .describe(
        "Who asked: the case owner's queue (QUEUE), or for a chain the holder of the parent task, its target (UNIT or PARTNER). Always present from v2 on; optional only so v1 events stay valid (a reader upcasts them)",
      ),
    to: z
      .strictObject({
        kind: z.enum(['UNIT', 'PARTNER']),
        id: z.string().describe('The org directory id'),
        region: z.string(),
      })
      .describe('Who is asked: a unit (department, queue) or a partner organisation, in a region'),
    reason: z.string().describe('What is asked and why: the reason for the hand-off'),
    sla: z
      .strictObject({
        calendarId: z.string(),
        acceptWithinBusinessMinutes: z.int().min(1),
        completeWithinBusinessMinutes: z.int().min(1),
      })
      .describe(
        "The task's own SLA (OLA for a department, underpinning contract for a partner), in business minutes on the calendar",
      ),
    acceptDueAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/)
      .describe(
        'When the target must have accepted; an ISO 8601 instant with a time zone (seconds may be absent)',
      ),
    completeDueAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/)
      .describe(
        'When the target must have completed; an ISO 8601 instant with a time zone (seconds may be absent)',
      ),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who asked'),
    openedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      taskId: '2c4e6a8b-1d3f-4b5d-9e7f-0a2c4e6a8b1d',
      parentTaskId: null,
      fromUnit: 'gd-complaints',
      from: { kind: 'QUEUE', id: 'gd-complaints' },
      to: {
        kind: 'UNIT',
        id: 'id-1',
        region: 'GD',
      },
      reason: 'SKILL_MATCH',
      sla: {
        calendarId: 'cn-standard',
        acceptWithinBusinessMinutes: 1,
        completeWithinBusinessMinutes: 1,
      },
      acceptDueAt: '2026-11-23T02:00:00.000Z',
      completeDueAt: '2026-11-23T02:00:00.000Z',
      actor: {
        id: 'id-1',
        kind: 'user',
      },
      openedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
  upcastFrom: upcastFrom(
    collaborationTaskOpenedV1,
    (v1) => ({ ...v1, from: askerOfVersion1(v1.fromUnit, v1.parentTaskId) }),
    ASKER_RULE,
  ),
});
