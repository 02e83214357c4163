import { z } from 'zod';
import { answerSchema, instant } from '@collab/service-kit';
import { PARTY_KINDS, TASK_STATUSES } from '@collab/domain-kernel';
import { SHOWN_CASE_STATUSES } from './shown-status';

/** What Customer 360 answers: one customer's contacts, cases, legs, ratings, tags, articles and timeline. */

const profileLeg = answerSchema(
  'ProfileLeg',
  z.object({
    taskId: z.string(),
    caseId: z.string(),
    from: z
      .object({ kind: z.enum(PARTY_KINDS), id: z.string() })
      .meta({ description: "Who asked: the case's queue (QUEUE), or for a chain the parent task's holder (UNIT or PARTNER)" }),
    to: z.object({ kind: z.string(), id: z.string(), region: z.string() }),
    status: z.enum(TASK_STATUSES),
    requestedAt: instant.nullable(),
    endedAt: instant.nullable(),
    turnaroundBusinessMinutes: z.number().nullable(),
  }),
);

const profileCase = answerSchema(
  'ProfileCase',
  z.object({
    caseId: z.string(),
    caseNumber: z.string().nullable(),
    status: z.enum(SHOWN_CASE_STATUSES).meta({ description: 'OPENED or ACKNOWLEDGED (intake) until a queue holds the case; then the shared case statuses (COLLABORATING: worked while its tasks are open).' }),
    statusAt: instant.nullable(),
    openedAt: instant.nullable(),
    channel: z.string().nullable(),
    category: z.string().nullable(),
    requestType: z.string().nullable(),
    priority: z.string().nullable(),
    region: z.string().nullable(),
    subject: z.string().nullable(),
    promise: z.object({ firstResponseBy: instant.nullable(), resolutionBy: instant.nullable() }),
    csat: z.number().nullable(),
    legs: z.array(profileLeg),
  }),
);

export const customerProfileSchema = answerSchema(
  'CustomerProfile',
  z.object({
    customerId: z.string(),
    contacts: z.array(z.object({ at: instant, channel: z.string().nullable(), channelKind: z.string().nullable(), caseId: z.string().nullable(), subject: z.string().nullable() })),
    cases: z.array(profileCase),
    csat: z.object({ count: z.number().int(), average: z.number().nullable() }),
    tags: z.array(z.string()),
    knowledgeArticles: z.array(
      z.object({ articleId: z.string(), title: z.string(), language: z.string(), use: z.string().meta({ description: 'USED: a resolution used it.' }), caseIds: z.array(z.string().nullable()) }),
    ),
    timeline: z.array(
      z.object({ at: instant, source: z.string(), kind: z.string(), caseId: z.string().nullable(), taskId: z.string().exactOptional(), channel: z.string().exactOptional() }),
    ),
  }),
);
export type CustomerProfile = z.infer<typeof customerProfileSchema>;
