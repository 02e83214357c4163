import { z } from 'zod';
import { answerSchema, instant } from '@collab/service-kit';

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

export const processListSchema = answerSchema(
  'ProcessList',
  z.array(
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
  z.object({ caseId: z.string(), asAt: instant, clocks: z.array(z.looseObject({ coverage: calendarCoverage.nullable() })) }),
);

export const workbenchSchema = answerSchema(
  'Workbench',
  z.object({
    items: z.array(z.looseObject({})),
    counts: z.object({ cases: z.number().int(), tasks: z.number().int(), outgoing: z.number().int(), overdue: z.number().int(), warned: z.number().int() }),
    asOf: instant,
  }),
);

export const unattendedQueuesSchema = answerSchema(
  'UnattendedQueues',
  z.object({
    queues: z.array(z.looseObject({ waiting: z.number().int(), waitingSince: instant, caseIds: z.array(z.string()) })),
    waitingCases: z.number().int(),
    asOf: instant,
  }),
);
