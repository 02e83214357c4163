import { z } from 'zod';
import { publicEvent, upcastFrom } from '../published-language/public-event';
import { taskAcceptedV1 } from './task-accepted.v1';
import { SIDE_RULE, party, sideOfVersion1 } from './party';

/** v2 names the accepting target with its kind (`by`); v1's `unit` held a unit or a partner id, and stays for v1 readers. */
export const taskAcceptedV2 = publicEvent({
  service: 'workflow',
  type: 'TaskAccepted',
  version: 2,
  description: 'The unit or partner asked accepted the task.',
  data: z.strictObject({
    taskId: z.string().describe('The collaboration task (协同单); its stream is task-<taskId>'),
    caseId: z.guid().describe('The case, as intake opened it'),
    unit: z.string().describe('Deprecated, kept for v1 readers: the id of `by`, a unit or a partner'),
    by: party(['UNIT', 'PARTNER'])
      .optional()
      .describe('The target that accepted: a unit or a partner. Always present from v2 on; optional only so v1 events stay valid (a reader upcasts them)'),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who accepted'),
    acceptedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      taskId: '2c4e6a8b-1d3f-4b5d-9e7f-0a2c4e6a8b1d',
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      unit: 'gd-billing',
      by: { kind: 'UNIT', id: 'gd-billing' },
      actor: {
        id: 'id-1',
        kind: 'user',
      },
      acceptedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
  upcastFrom: upcastFrom(taskAcceptedV1, (v1) => ({ ...v1, by: sideOfVersion1(v1.unit, v1.actor) }), SIDE_RULE),
});
