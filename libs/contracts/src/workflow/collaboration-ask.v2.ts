import { z } from 'zod';
import { PARTY_KINDS, party } from './party';

/**
 * What a collaboration request says in version 2, after its task and case ids: CollaborationRequested
 * (the case recorded it) and CollaborationTaskOpened (the task's stream opened) carry the same ask.
 */
export const collaborationAskV2 = {
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
} as const;
