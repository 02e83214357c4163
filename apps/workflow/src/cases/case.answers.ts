import { z } from 'zod';
import { CASE_STATUSES, PARTY_KINDS, TASK_STATUSES } from '@collab/domain-kernel';
import { answerSchema, instant, pageInfoSchema } from '@collab/service-kit';

/**
 * What the REST API answers about cases (GET /cases/{id}, its history and every case command). Each
 * answer's TS type is the `z.infer` of its schema here, so the code and the served OpenAPI document
 * cannot drift apart.
 */

const actorRef = answerSchema('ActorRef', z.object({ id: z.string(), kind: z.enum(['user', 'partner', 'service', 'system']) }));
const actor = answerSchema(
  'Actor',
  z.object({ id: z.string(), kind: z.enum(['user', 'partner', 'customer', 'channel', 'service', 'system']), name: z.string().optional() }),
);
export const collaborationTargetSchema = answerSchema('CollaborationTarget', z.object({ kind: z.enum(['UNIT', 'PARTNER']), id: z.string(), region: z.string() }));
/** A queue, unit or partner of the org directory, named with what it is. */
export const partySchema = answerSchema('Party', z.object({ kind: z.enum(PARTY_KINDS), id: z.string() }));
/** The unit or partner whose business calendar a leg is measured on. */
export const clockHolderSchema = answerSchema('ClockHolder', z.object({ kind: z.enum(['UNIT', 'PARTNER']), id: z.string() }));
export type ClockHolder = z.infer<typeof clockHolderSchema>;
export const promiseCoverageSchema = answerSchema(
  'PromiseCoverage',
  z.object({ complete: z.boolean(), announcedThrough: z.string().nullable(), warning: z.string().nullable() }),
);

/** One collaboration task (协同单) of the chain, without the tasks its holder asked for in turn: what the case view keeps per task (case-course). */
const link = {
  taskId: z.string(),
  parentTaskId: z.string().nullable(),
  from: partySchema.meta({ description: "Who asked: the case's queue, or the parent task's holder (a unit or a partner)" }),
  to: collaborationTargetSchema,
  reason: z.string().meta({ description: 'What was asked and why' }),
  status: z.enum(TASK_STATUSES).meta({ description: 'The task\'s status in the words /tasks uses, as the task moves (the case records its end later)' }),
  openedAt: instant,
  openedBy: actorRef,
  acceptDueAt: instant,
  completeDueAt: instant,
  closedAt: instant.nullable(),
  closedBy: actorRef.nullable(),
  outcomeReason: z.string().nullable().meta({ description: 'The return reason code or the withdrawal reason; null while open and on completion' }),
};
export type Link = z.infer<z.ZodObject<typeof link>>;

/** One collaboration task of the chain, with the tasks its holder asked for in turn. */
export type ChainLink = Link & { children: ChainLink[] };
export const chainLinkSchema: z.ZodType<ChainLink> = answerSchema(
  'ChainLink',
  z.object({
    ...link,
    get children() {
      return z.array(chainLinkSchema);
    },
  }),
);

export const caseLegSchema = answerSchema(
  'CaseLeg',
  z.object({
    holder: partySchema.meta({ description: "Who held it: the queue on the case's main line, the task's target (a unit or a partner) on a task's leg" }),
    kind: z.enum(['CASE', 'TASK']),
    taskId: z.string().nullable(),
    parentTaskId: z.string().nullable(),
    from: instant,
    to: instant.nullable(),
    clockHolder: clockHolderSchema
      .nullable()
      .meta({ description: "Whose calendar the leg's clock runs on: the unit that owns the queue on the main line, the task's target (a unit or a partner) on a task's leg; null when the org directory does not know it" }),
    calendarId: z.string().nullable(),
    heldMinutes: z.number(),
    measuredIn: z.enum(['BUSINESS_TIME', 'CALENDAR_TIME']),
    note: z.string().nullable(),
  }),
);

const caseFacts = {
  id: z.string(),
  number: z.string().nullable(),
  // REGISTERED is transient: routing follows registration in the same append.
  status: z.enum(['REGISTERED', ...CASE_STATUSES]),
  channel: z.string(),
  audience: z.string(),
  requestType: z.string(),
  category: z.string(),
  subject: z.string(),
  description: z.string(),
  language: z.string(),
  region: z.string(),
  openedAt: instant,
  resolvedAt: instant.nullable(),
  closedAt: instant.nullable(),
  version: z.number().int(),
  asOf: instant.nullable(),
};
const promised = { acknowledgedAt: instant, expectedFirstResponseAt: instant, expectedResolutionAt: instant };

export const staffCaseDetailsSchema = answerSchema(
  'StaffCaseDetails',
  z.object({
    ...caseFacts,
    acknowledgement: z.object({ ...promised, calendarId: z.string(), coverage: promiseCoverageSchema.nullable() }).nullable(),
    priority: z.string(),
    requesterId: z.string().nullable(),
    queue: z.string().nullable(),
    routingRule: z.string().nullable(),
    assignedAt: instant.nullable(),
    assignee: z.string().nullable(),
    process: z
      .object({ id: z.string(), version: z.number().int(), stage: z.string().nullable(), responseDueAt: instant.nullable(), resolutionDueAt: instant.nullable() })
      .nullable(),
    legs: z.array(caseLegSchema),
    chain: z.array(chainLinkSchema),
  }),
);
/** The case as staff see it: how the organisation works it. */
export type StaffCaseDetails = z.infer<typeof staffCaseDetailsSchema>;
/** One leg of the chain as the case shows it: who held it, for how long, on which clock. */
export type CaseLeg = z.infer<typeof caseLegSchema>;

export const requesterCaseSchema = answerSchema(
  'RequesterCase',
  z.object({
    ...caseFacts,
    acknowledgement: z.object(promised).nullable(),
    resolution: z.object({ resolutionCode: z.string(), note: z.string(), knowledgeArticleIds: z.array(z.string()), resolvedAt: instant }).nullable(),
    feedback: z.object({ csat: z.number(), comment: z.string(), recordedAt: instant }).nullable(),
  }),
);
/**
 * The case as its requester sees it: what they asked, where it stands, what they were promised,
 * how it was resolved and what they said of it. Nothing of how it is worked inside (no legs,
 * chain, queue, rule, owner or internal due times).
 */
export type RequesterCase = z.infer<typeof requesterCaseSchema>;

/** Staff see how the case is worked; its requester see their case (no legs, chain, queue or owner). */
export const caseDetailsSchema = answerSchema('CaseDetails', z.union([staffCaseDetailsSchema, requesterCaseSchema]));
export type CaseDetails = z.infer<typeof caseDetailsSchema>;

/** One event of a case's history, as GET /api/v1/cases/{id}/history lists it. */
const historyEntry = answerSchema(
  'HistoryEntry',
  z.object({
    position: z.string().meta({ description: "Position in workflow's global log (a 64-bit number as a decimal string); the paging cursor." }),
    stream: z.string(),
    streamVersion: z.number().int(),
    type: z.string(),
    occurredAt: instant,
    recordedAt: instant,
    /** Who did it: the person (customer, channel) — also when a service carried it out for them — else the service or system. */
    actor,
    /** The service that carried it out on the actor's behalf; null when the actor appended it themselves. */
    via: actor.nullable(),
    correlationId: z.string(),
    causationId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
  }),
);
export type HistoryEntry = z.infer<typeof historyEntry>;
/** One event of their case as its requester sees it: what happened and when, never who inside did it. */
const requesterHistoryEntry = answerSchema(
  'RequesterHistoryEntry',
  z.object({ position: z.string(), type: z.string(), occurredAt: instant, data: z.record(z.string(), z.unknown()) }),
);
export type RequesterHistoryEntry = z.infer<typeof requesterHistoryEntry>;

/** A page of the case's events, with the case and the moment the history was cut at beside them. */
export const caseHistorySchema = answerSchema(
  'CaseHistoryPage',
  z.strictObject({ caseId: z.string(), asOf: instant.nullable(), items: z.union([z.array(historyEntry), z.array(requesterHistoryEntry)]), page: pageInfoSchema }),
);

export const collaborationRequestedSchema = answerSchema('CollaborationRequested', z.object({ taskId: z.string(), case: caseDetailsSchema }));
