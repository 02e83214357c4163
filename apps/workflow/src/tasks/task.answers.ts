import { z } from 'zod';
import { TASK_STATUSES } from '@collab/domain-kernel';
import type { ReturnReason } from '@collab/workflow-domain';
import { answerSchema, instant, listPageSchema } from '@collab/service-kit';
import { collaborationTargetSchema, partySchema } from '../cases/case.answers';

/** What the REST API answers about collaboration tasks (协同单) and return reasons. */

const taskSla = answerSchema(
  'TaskSla',
  z.object({ calendarId: z.string(), acceptWithinBusinessMinutes: z.number().int(), completeWithinBusinessMinutes: z.number().int() }),
);
const taskNote = answerSchema(
  'TaskNote',
  z.object({
    side: partySchema.meta({ description: 'The side of the task that wrote it: the asker or the target' }),
    note: z.string(),
    by: z.string().meta({ description: 'The person who wrote it' }),
    at: instant,
  }),
);

/** A collaboration task as GET /api/v1/tasks answers it (and, mapped, the partner gRPC service). */
export const taskDetailsSchema = answerSchema(
  'TaskDetails',
  z.object({
    id: z.string(),
    caseId: z.string(),
    /** The human case number intake gave the case; null until its acknowledgement arrived. */
    caseNumber: z.string().nullable(),
    parentTaskId: z.string().nullable(),
    from: partySchema.meta({ description: "Who asked: the case's queue, or for a chain the parent task's holder (a unit or a partner)" }),
    to: collaborationTargetSchema,
    status: z.enum(TASK_STATUSES),
    reason: z.string(),
    sla: taskSla,
    acceptDueAt: instant,
    completeDueAt: instant,
    requestedBy: z.string(),
    requestedAt: instant,
    acceptedBy: z.string().nullable(),
    acceptedAt: instant.nullable(),
    completedAt: instant.nullable(),
    returnedAt: instant.nullable(),
    withdrawnAt: instant.nullable(),
    result: z.string().nullable(),
    returnReason: z.object({ code: z.string(), note: z.string() }).nullable(),
    withdrawReason: z.string().nullable(),
    notes: z.array(taskNote),
    urgeCount: z.number().int(),
    lastUrgedAt: instant.nullable(),
    version: z.number().int(),
    position: z.string().meta({ description: "The workflow log position of the task's last change: a watcher's cursor." }),
  }),
);
export type TaskDetails = z.infer<typeof taskDetailsSchema>;

export const taskPageSchema = listPageSchema('TaskList', taskDetailsSchema);

export const returnReasonSchema: z.ZodType<ReturnReason> = answerSchema(
  'ReturnReason',
  z.object({ code: z.string(), names: z.record(z.string(), z.string()), active: z.boolean() }),
);
export const returnReasonListSchema = listPageSchema('ReturnReasonList', returnReasonSchema);
