import { z } from 'zod';
import { publicEvent, upcastFrom } from '../published-language/public-event';
import { collaborationTaskOpenedV1 } from './collaboration-task-opened.v1';
import { collaborationAskV2 } from './collaboration-ask.v2';
import { ASKER_RULE, askerOfVersion1 } from './party';

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
    ...collaborationAskV2,
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
