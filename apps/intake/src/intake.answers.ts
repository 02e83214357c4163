import { z } from 'zod';
import { AUDIENCES, CHANNEL_KINDS, REQUEST_TYPES } from '@collab/intake-domain';
import { CASE_STATUSES } from '@collab/domain-kernel';
import { answerSchema, instant, listPageSchema } from '@collab/service-kit';
import type { CalendarCoverageView } from './calendars/calendar-coverage/calendar-coverage.http';
import type { ExpectedTimesAnswer } from './calendars/expected-times/expected-times.handler';
import type { CaseOverview } from './cases/case-records';
import type { CategoryView } from './categories/category-view/category-view';
import type { CategoryNode } from './categories/read-categories/category-tree';
import type { ChannelView } from './channels/channel-view/channel-view';
import type { ContactAccepted } from './contacts/submit-contact/submit-contact.command';

/** What intake's REST API answers: contacts, channels, categories, calendars and a customer's cases. */

const promiseCoverage = answerSchema(
  'IntakePromiseCoverage',
  z.object({ complete: z.boolean(), announcedThrough: z.string().nullable(), warning: z.string().nullable() }),
);

export const contactAcceptedSchema: z.ZodType<ContactAccepted> = answerSchema(
  'ContactAccepted',
  z.object({
    caseId: z.string(),
    caseNumber: z.string(),
    contactId: z.string(),
    customerId: z.string(),
    status: z.literal('ACKNOWLEDGED'),
    joinedExistingCase: z.boolean(),
    joinReason: z.enum(['THREAD', 'SAME_CUSTOMER_AND_CATEGORY']).exactOptional(),
    previousCaseId: z.string().exactOptional(),
    acknowledgement: z.object({
      acknowledgedAt: instant,
      expectedFirstResponseAt: instant,
      expectedResolutionAt: instant,
      calendarId: z.string(),
      coverage: promiseCoverage.nullable(),
    }),
  }),
);

export const channelViewSchema: z.ZodType<ChannelView> = answerSchema(
  'ChannelView',
  z.object({
    id: z.string(),
    kind: z.enum(CHANNEL_KINDS),
    name: z.string(),
    audiences: z.array(z.enum(AUDIENCES)),
    enabled: z.boolean(),
    calendarId: z.string(),
    defaultLanguage: z.string(),
    version: z.number().int(),
  }),
);
export const channelListSchema = listPageSchema('ChannelList', channelViewSchema);

const categoryFields = {
  id: z.string().meta({ description: 'Slash path of slugs: `billing`, `billing/wrong-charge`.' }),
  names: z.record(z.string(), z.string()),
  requestTypes: z.array(z.enum(REQUEST_TYPES)).exactOptional(),
  status: z.enum(['active', 'retired']),
  usable: z.boolean(),
  version: z.number().int(),
};
export const categoryViewSchema: z.ZodType<CategoryView> = answerSchema('CategoryView', z.object({ ...categoryFields, parentId: z.string().exactOptional() }));
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

export const calendarCoverageSchema: z.ZodType<CalendarCoverageView> = answerSchema(
  'CalendarCoverageView',
  z.object({
    calendarId: z.string(),
    announcedThrough: z.string().nullable(),
    coverageEndsAt: instant.nullable(),
    warningFrom: instant.nullable(),
    ending: z.object({ raisedAt: instant }).nullable(),
  }),
);

export const expectedTimesSchema: z.ZodType<ExpectedTimesAnswer> = answerSchema(
  'ExpectedTimesAnswer',
  z.object({
    channel: z.string(),
    calendarId: z.string(),
    timeZone: z.string(),
    arrivesAt: instant,
    withinServiceHours: z.boolean(),
    onCall: z.boolean(),
    firstResponseBy: instant,
    resolveBy: instant,
    coverage: z.object({ complete: z.boolean(), announcedThrough: z.string().exactOptional(), warning: z.string().exactOptional() }),
  }),
);

const caseOverview: z.ZodType<CaseOverview> = answerSchema(
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
    closedAt: instant.nullable(),
    version: z.number().int(),
  }),
);
export const customerCasesSchema = listPageSchema('CustomerCaseList', caseOverview);
