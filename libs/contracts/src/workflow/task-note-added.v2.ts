import { z } from 'zod';
import { publicEvent, upcastFrom } from '../published-language/public-event';
import { taskNoteAddedV1 } from './task-note-added.v1';
import { PARTY_KINDS, SIDE_RULE, party, sideOfVersion1 } from './party';

/** v2 names the side that wrote the note with its kind (`by`); v1's `unit` held a queue, unit or partner id, and stays for v1 readers. */
export const taskNoteAddedV2 = publicEvent({
  service: 'workflow',
  type: 'TaskNoteAdded',
  version: 2,
  description: 'A note on the task by either side: a question, an answer, progress.',
  data: z.strictObject({
    taskId: z.string().describe('The collaboration task (协同单); its stream is task-<taskId>'),
    caseId: z.guid().describe('The case, as intake opened it'),
    unit: z.string().describe('Deprecated, kept for v1 readers: the id of `by`, a queue, unit or partner'),
    by: party(PARTY_KINDS)
      .optional()
      .describe(
        "The side that wrote it: the asker (the case owner's queue, or a chain's unit or partner) or the target (a unit or a partner). Always present from v2 on; optional only so v1 events stay valid (a reader upcasts them)",
      ),
    note: z.string(),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who wrote it'),
    addedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      taskId: '2c4e6a8b-1d3f-4b5d-9e7f-0a2c4e6a8b1d',
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      unit: 'gd-complaints',
      by: { kind: 'QUEUE', id: 'gd-complaints' },
      note: 'Please check the billing run of 2026-11-01.',
      actor: {
        id: 'id-1',
        kind: 'user',
      },
      addedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
  upcastFrom: upcastFrom(taskNoteAddedV1, (v1) => ({ ...v1, by: sideOfVersion1(v1.unit, v1.actor) }), SIDE_RULE),
});
