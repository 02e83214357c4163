import { z } from 'zod';
import { AUDIENCES, CHANNEL_KINDS, REQUEST_TYPES } from '@collab/intake-domain';
import { CASE_STATUSES } from '@collab/domain-kernel';
import { answerSchema, instant, listPageSchema } from '@collab/service-kit';

/** What intake's REST API answers: contacts, channels, categories, calendars and a customer's cases. */

const promiseCoverage = answerSchema(
  'IntakePromiseCoverage',
  z.object({ complete: z.boolean(), announcedThrough: z.string().nullable(), warning: z.string().nullable() }),
);

/** The answer to a contact: which case it is in, and what the requester may expect. */
export const contactAcceptedSchema = answerSchema(
  'ContactAccepted',
  z.object({
    caseId: z.string(),
    caseNumber: z.string(),
    contactId: z.string(),
    customerId: z.string(),
    status: z.literal('ACKNOWLEDGED'),
    joinedExistingCase: z.boolean(),
    joinReason: z.enum(['THREAD', 'SAME_CUSTOMER_AND_CATEGORY']).exactOptional(),
    /** The case the contact's thread belonged to, which had ended (closed or cancelled): the contact did not join it. */
    previousCaseId: z.string().exactOptional(),
    /** The promise made at acknowledgement, repeated to every contact that joins the case. */
    acknowledgement: z.object({
      acknowledgedAt: instant,
      expectedFirstResponseAt: instant,
      expectedResolutionAt: instant,
      calendarId: z.string(),
      /**
       * Whether the times fall within the calendar's announced holidays; incomplete, the promise may
       * move when the next year's holidays are announced. Null for a case acknowledged before it was recorded.
       */
      coverage: promiseCoverage.nullable(),
    }),
  }),
);
export type ContactAccepted = z.infer<typeof contactAcceptedSchema>;
export type Acknowledgement = ContactAccepted['acknowledgement'];

/** A channel as the API shows it and as intake's other features consult it. */
export const channelViewSchema = answerSchema(
  'ChannelView',
  z.object({
    id: z.string(),
    kind: z.enum(CHANNEL_KINDS),
    name: z.string(),
    audiences: z.array(z.enum(AUDIENCES)),
    enabled: z.boolean(),
    calendarId: z.string(),
    defaultLanguage: z.string(),
    /** The channel stream's version: how many changes it has seen. */
    version: z.number().int(),
  }),
);
export type ChannelView = z.infer<typeof channelViewSchema>;
export const channelListSchema = listPageSchema('ChannelList', channelViewSchema);

const categoryFields = {
  id: z.string().meta({ description: 'Slash path of slugs: `billing`, `billing/wrong-charge`.' }),
  names: z.record(z.string(), z.string()),
  /** The request types it applies to; absent means all. */
  requestTypes: z.array(z.enum(REQUEST_TYPES)).exactOptional(),
  /** Its own status; a category under a retired one stays `active` here but is not `usable`. */
  status: z.enum(['active', 'retired']),
  /** Whether new contacts may use it: it and every ancestor are active. */
  usable: z.boolean(),
  /** The category stream's version: how many changes it has seen. */
  version: z.number().int(),
};
/** A category as the API shows it and as intake's other features consult it; `parentId` is absent for a root. */
export const categoryViewSchema = answerSchema('CategoryView', z.object({ ...categoryFields, parentId: z.string().exactOptional() }));
export type CategoryView = z.infer<typeof categoryViewSchema>;
/** One category of the tree with the categories directly under it (the recursion is the one thing typed by hand). */
export type CategoryNode = z.infer<z.ZodObject<typeof categoryFields>> & { children: CategoryNode[] };
const categoryNode: z.ZodType<CategoryNode> = answerSchema(
  'CategoryNode',
  z.object({
    ...categoryFields,
    get children() {
      return z.array(categoryNode);
    },
  }),
);
export const categoryTreeSchema = listPageSchema('CategoryTree', categoryNode);

const intervals = z.array(z.object({ start: z.string(), end: z.string() }));
export const calendarViewSchema = answerSchema(
  'CalendarView',
  z.object({
    id: z.string(),
    name: z.string(),
    timeZone: z.string(),
    weeklyHours: z.record(z.string(), intervals),
    holidays: z.array(z.object({ date: z.string(), name: z.string() })),
    holidayRules: z.array(z.looseObject({ rule: z.enum(['fixed', 'easter', 'weekday-on-or-after']), name: z.string() })).exactOptional(),
    makeUpWorkingDays: z.array(z.object({ date: z.string(), hours: intervals.exactOptional(), name: z.string().exactOptional() })),
    announcedThrough: z.string().exactOptional(),
    onCall: z.object({ appliesTo: z.array(z.string()), rota: z.union([z.string(), z.array(z.looseObject({ start: z.string(), end: z.string() }))]) }).exactOptional(),
    version: z.number().int().meta({ description: 'How many definitions it has had; If-Match takes it.' }),
  }),
);
export const calendarListSchema = listPageSchema('CalendarList', calendarViewSchema);

/** How far a calendar's announced holidays reach, and whether its administrators have been warned. */
export const calendarCoverageSchema = answerSchema(
  'CalendarCoverageView',
  z.object({
    calendarId: z.string(),
    /** The last date the announced holidays and 调休 cover; null for a calendar of rules only (always covered). */
    announcedThrough: z.string().nullable(),
    /** The first instant no longer covered: midnight after `announcedThrough` in the calendar's zone. */
    coverageEndsAt: instant.nullable(),
    /** When CalendarCoverageEnding falls due: 60 days before `coverageEndsAt`. */
    warningFrom: instant.nullable(),
    /** CalendarCoverageEnding for this `announcedThrough`, once raised. */
    ending: z.object({ raisedAt: instant }).nullable(),
  }),
);
export type CalendarCoverageView = z.infer<typeof calendarCoverageSchema>;

/** The promise a contact would get, and why: whether the desk is open, or on call, when it arrives. */
export const expectedTimesSchema = answerSchema(
  'ExpectedTimesAnswer',
  z.object({
    channel: z.string(),
    calendarId: z.string(),
    timeZone: z.string(),
    arrivesAt: instant,
    /** It arrives within the calendar's normal working hours. */
    withinServiceHours: z.boolean(),
    /** It arrives outside them, but the on-call rota (值班) works contacts of its priority right then. */
    onCall: z.boolean(),
    firstResponseBy: instant,
    resolveBy: instant,
    /**
     * `complete: false` when the times reach past the calendar's announced holidays
     * (`announcedThrough`): counted on its rule-based holidays only, they may move once the next
     * year's holidays are announced; `warning` says so, naming the calendar.
     */
    coverage: z.object({ complete: z.boolean(), announcedThrough: z.string().exactOptional(), warning: z.string().exactOptional() }),
  }),
);
export type ExpectedTimesAnswer = z.infer<typeof expectedTimesSchema>;

/** A case as intake shows it: its opening, its promise, and how far workflow has taken it. */
const caseOverview = answerSchema(
  'CaseOverview',
  z.object({
    id: z.string(),
    number: z.string(),
    customerId: z.string(),
    // OPENED and ACKNOWLEDGED are intake's, until workflow's first word about the case arrives.
    status: z.enum(['OPENED', 'ACKNOWLEDGED', ...CASE_STATUSES]),
    channel: z.string(),
    channelKind: z.string(),
    audience: z.string(),
    requester: z.record(z.string(), z.string()),
    requestType: z.string(),
    category: z.string(),
    subject: z.string(),
    description: z.string(),
    language: z.string(),
    region: z.string(),
    priority: z.string(),
    externalRef: z.string().nullable(),
    contacts: z.number().int(),
    openedAt: instant,
    acknowledgement: z.object({ acknowledgedAt: instant, expectedFirstResponseAt: instant, expectedResolutionAt: instant }).nullable(),
    queue: z.string().nullable(),
    assignee: z.string().nullable(),
    assignedAt: instant.nullable(),
    resolvedAt: instant.nullable(),
    /** When the case ended: closed, or cancelled (then `status` is CANCELLED); null while open. */
    closedAt: instant.nullable(),
    /** Grows with every change recorded about the case, in intake or in workflow. */
    version: z.number().int(),
  }),
);
export type CaseOverview = z.infer<typeof caseOverview>;
export const customerCasesSchema = listPageSchema('CustomerCaseList', caseOverview);
