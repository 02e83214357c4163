import { z } from 'zod';
import { answerSchema, instant, listPageSchema, pageInfoSchema } from '@collab/service-kit';
import { clockHolderSchema } from './cases/case.answers';

/**
 * What workflow's REST API answers about processes, SLA clocks and the workbench. The process
 * definition and the clocks are documented by their stable top-level fields; their inner
 * structure (stages, escalations, countdowns) is open (`additionalProperties` allowed) for now.
 */

const publishedProcess = answerSchema(
  'PublishedProcess',
  z.looseObject({ processId: z.string(), version: z.number().int(), name: z.string(), publishedAt: instant, stages: z.array(z.looseObject({})) }),
);
export const publishedProcessSchema = publishedProcess;

export const processDetailsSchema = answerSchema(
  'ProcessDetails',
  z.object({
    processId: z.string(),
    name: z.string(),
    status: z.enum(['ACTIVE', 'RETIRED']),
    latestVersion: z.number().int(),
    latest: publishedProcess,
    versions: z.array(z.object({ version: z.number().int(), name: z.string(), publishedAt: instant })),
  }),
);

export const processListSchema = listPageSchema(
  'ProcessList',
  answerSchema(
    'ProcessSummary',
    z.object({
      processId: z.string(),
      name: z.string(),
      status: z.enum(['ACTIVE', 'RETIRED']),
      latestVersion: z.number().int(),
      scope: z.looseObject({}),
      changedAt: instant,
    }),
  ),
);

const calendarCoverage = z.object({ complete: z.boolean(), announcedThrough: z.string().optional(), warning: z.string().optional() });

export const caseSlaSchema = answerSchema(
  'CaseSla',
  z.object({
    caseId: z.string(),
    asAt: instant,
    // Whose clock it is: the task's target for a task clock, null for the case's own (held by the unit owning its queue).
    clocks: z.array(z.looseObject({ clockHolder: clockHolderSchema.nullable(), coverage: calendarCoverage.nullable() })),
  }),
);

/** The desk: a page of its items, most at risk first, with the whole desk's counts beside them. */
export const workbenchSchema = answerSchema(
  'WorkbenchPage',
  z.strictObject({
    items: z.array(z.looseObject({})),
    page: pageInfoSchema,
    counts: z.object({ cases: z.number().int(), tasks: z.number().int(), outgoing: z.number().int(), overdue: z.number().int(), warned: z.number().int() }),
    asOf: instant,
  }),
);

/** A page of the unattended queues, longest-waiting first, with every such queue's waiting cases counted beside them. */
export const unattendedQueuesSchema = answerSchema(
  'UnattendedQueuePage',
  z.strictObject({
    items: z.array(z.looseObject({ queue: z.string(), unitId: z.string().nullable(), waiting: z.number().int(), waitingSince: instant, caseIds: z.array(z.string()) })),
    page: pageInfoSchema,
    waitingCases: z.number().int(),
    asOf: instant,
  }),
);
