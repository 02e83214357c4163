import { jsonSchemaOf, type JsonSchema, type PublicEvent } from './public-event';

/**
 * How much a field of a public event says about a person (PIPL / GDPR), so analysts know what they
 * hold and a new field cannot leave a service unclassified (a spec walks every published schema):
 * - `contact`: contact details or the name of a person. Public events carry customer ids instead;
 *   a current event may carry one only for a consumer named in `CONTACT_DETAILS_CONSUMERS`.
 * - `person-id`: a pseudonymous id of a customer or staff member (only the owning service can tell who).
 * - `free-text`: text a person typed (a subject, a note, a file name): it may hold anything, personal data included.
 * - `none`: about the business, not a person: codes, ids of cases and units, times, configuration.
 *
 * Fields are named by path inside the event's data (`contact.requester.phone`, `attachments[].name`,
 * `*` for a map's values); the same path means the same thing in every event that has it.
 */
export type PersonalDataClass = 'contact' | 'person-id' | 'free-text' | 'none';

const CONTACT = ['requester.name', 'requester.phone', 'requester.email', 'contact.requester.name', 'contact.requester.phone', 'contact.requester.email'];

const PERSON_IDS = [
  'actor', 'actor.id', 'agentId', 'fromAgentId', 'toAgentId', 'supervisorId', 'units[].supervisorId', 'sides[].supervisorId', 'customerId', 'contact.customerId',
  'requester.id', 'contact.requester.id', 'requesterId', 'approvedBy', 'archivedBy', 'userId',
];

const FREE_TEXT = [
  'subject', 'description', 'contact.subject', 'contact.description', 'note', 'comment', 'result', 'reason',
  'attachments[].name', 'attachments[].uri', 'contact.attachments[].name', 'contact.attachments[].uri',
];

const NOT_PERSONAL = [
  // Routing and assignment rules (issue 12), and knowledge articles: the business's content, not a person's.
  'queueUnitId', 'grantedAt', 'overCapacity', 'overCapacity.load', 'overCapacity.capacity', 'waitsForRoom', 'languageRule',
  'articleId', 'knowledgePointId', 'supersedes', 'title', 'summary', 'type', 'nodeId', 'partners', 'tags', 'effectiveFrom', 'expiresAt',
  'reviewIntervalDays', 'publishedAt', 'archivedAt', 'expiredAt',
  // Self-service resolutions (issue 14): customerId is a person-id already; the rest is about the article and the moment.
  'resolutionId', 'articleVersion', 'resolvedAt',
  // Customer tags (issue 16): customerId is a person-id already; a tag names a rule the business defined, not a person.
  'tag', 'ruleVersion', 'taggedAt', 'untaggedAt',
  // KPI alerts (issue 15): figures about the business against its thresholds; `scope` names a unit, partner or channel, never a person.
  'kpiId', 'granularity', 'bucket', 'threshold', 'thresholdValue', 'direction', 'value', 'standing', 'crossedAt', 'recoveredAt',
  'acceptDueAt', 'acceptedAt', 'acknowledgedAt', 'actor.kind', 'addedAt', 'announcedThrough', 'appendedAt', 'assignedAt', 'attachments',
  'attachments[].mediaType', 'attachments[].sizeBytes', 'audience', 'audiences', 'bounces', 'breachedAt', 'calendar', 'calendar.announcedThrough',
  'calendar.holidayRules', 'calendar.holidayRules[].date', 'calendar.holidayRules[].name', 'calendar.holidayRules[].offsetDays',
  'calendar.holidayRules[].rule', 'calendar.holidayRules[].weekday', 'calendar.holidays', 'calendar.holidays[].date', 'calendar.holidays[].name',
  'calendar.id', 'calendar.makeUpWorkingDays', 'calendar.makeUpWorkingDays[].date', 'calendar.makeUpWorkingDays[].hours',
  'calendar.makeUpWorkingDays[].hours[].end', 'calendar.makeUpWorkingDays[].hours[].start', 'calendar.makeUpWorkingDays[].name', 'calendar.name',
  'calendar.onCall', 'calendar.onCall.appliesTo', 'calendar.onCall.rota', 'calendar.onCall.rota[].date', 'calendar.onCall.rota[].end',
  'calendar.onCall.rota[].start', 'calendar.onCall.rota[].weekday', 'calendar.timeZone', 'calendar.weeklyHours', 'calendar.weeklyHours.*[].end',
  'calendar.weeklyHours.*[].start', 'calendarId', 'cancelledAt', 'capacity', 'caseId', 'caseNumber', 'category', 'categoryId', 'changedAt', 'channel',
  'channelId', 'channelKind', 'clockKey', 'closedAt', 'closure', 'code', 'completeDueAt', 'completedAt', 'contact', 'contact.attachments',
  'contact.attachments[].mediaType', 'contact.attachments[].sizeBytes', 'contact.audience', 'contact.category', 'contact.channel',
  'contact.channelKind', 'contact.contactId', 'contact.externalRef', 'contact.language', 'contact.occurredAt', 'contact.priority', 'contact.region',
  'contact.requestType', 'contact.requester', 'contact.requester.partner', 'contact.requester.tier', 'contact.requester.unit', 'contact.threadRef',
  'contactId', 'coverage', 'coverage.announcedThrough', 'coverage.complete', 'coverage.warning', 'coverageEndsAt', 'csat', 'customerTier', 'deactivatedAt', 'defaultLanguage', 'definedAt', 'detectedAt', 'disabledAt', 'dueAt',
  'enabled', 'enabledAt', 'enrolledAt', 'entryId', 'escalatedAt', 'escalation', 'escalation.levels', 'escalation.levels[].atPercent',
  'escalation.levels[].level', 'escalation.levels[].notify', 'escalation.warnAtPercent', 'escalations', 'escalations[].at', 'escalations[].atPercent',
  'escalations[].level', 'escalations[].notify', 'expectedFirstResponseAt', 'expectedResolutionAt', 'externalRef', 'from', 'from.queue',
  'from.region', 'fromUnit', 'holdingUnit', 'kind', 'knowledgeArticleIds', 'language', 'languages', 'level', 'maxBounces', 'met', 'name', 'names',
  'names.en', 'names.zh', 'notify', 'occurredAt', 'openTaskIds', 'openedAt', 'outcome', 'parentId', 'parentTaskId', 'partnerId', 'percent',
  'priority', 'process', 'process.escalation', 'process.escalation.levels', 'process.escalation.levels[].atPercent',
  'process.escalation.levels[].level', 'process.escalation.levels[].notify', 'process.escalation.warnAtPercent', 'process.fallback',
  'process.fallback.queue', 'process.fallback.ruleId', 'process.name', 'process.processId', 'process.publishedAt', 'process.routingRules',
  'process.routingRules[].id', 'process.routingRules[].queue', 'process.routingRules[].when', 'process.routingRules[].when.audience',
  'process.routingRules[].when.category', 'process.routingRules[].when.channel', 'process.routingRules[].when.customerTier', 'process.routingRules[].when.customerTag',
  'process.routingRules[].when.language', 'process.routingRules[].when.priority', 'process.routingRules[].when.region',
  'process.routingRules[].when.requestType', 'process.scope', 'process.scope.audiences', 'process.scope.categories', 'process.scope.requestTypes',
  'process.stages', 'process.stages[].id', 'process.stages[].name', 'process.stages[].sla', 'process.stages[].sla.calendarId',
  'process.stages[].sla.resolutionWithinBusinessMinutes', 'process.stages[].sla.responseWithinBusinessMinutes', 'process.stages[].unitType',
  'process.version', 'processId', 'processVersion', 'queue', 'queueId', 'queuedAt', 'queues', 'raisedAt', 'reactivatedAt', 'reasonCode',
  'reassignedAt', 'recordedAt', 'region', 'regions', 'registeredAt', 'renamedAt', 'reopenedAt', 'requestType', 'requestTypes', 'requestedAt',
  'requester', 'requester.partner', 'requester.tier', 'requester.unit', 'requesterPartner', 'requesterUnit', 'resolutionCode', 'resolutionDueAt',
  'resolvedAt', 'responseDueAt', 'retiredAt', 'returnedAt', 'revisedAt', 'ruleId', 'scope', 'scope.category', 'scope.region', 'scope.requestType',
  'skills', 'sla', 'sla.acceptWithinBusinessMinutes', 'sla.calendarId', 'sla.completeWithinBusinessMinutes', 'sla.resolutionWithinBusinessMinutes',
  'sla.responseWithinBusinessMinutes', 'stageId', 'startedAt', 'stoppedAt', 'supervisorUnit', 'targetMinutes', 'taskId', 'threadRef', 'to', 'to.id',
  'to.kind', 'to.queue', 'to.region', 'transferredAt', 'unit', 'unitId', 'unitType', 'units', 'units[].unitId', 'urgeCount', 'urgedAt', 'version',
  'warnAt', 'warnAtPercent', 'warnedAt', 'withdrawnAt',
  // Tagged parties (issue 11): who asked, accepted or wrote a note — a queue, unit or partner of the org directory, never a person.
  'from.kind', 'from.id', 'by', 'by.kind', 'by.id',
  // The two sides of a ping-pong (PingPongDetected v2): parties of the org directory.
  'sides', 'sides[].party', 'sides[].party.kind', 'sides[].party.id',
  // Whose SLA clock it is (SlaClockStarted, SlaEscalated v2): a unit or partner of the org directory.
  'clockHolder', 'clockHolder.kind', 'clockHolder.id',
  // System parameters (issue 13): a number of minutes or bounces, and the one it replaced.
  'value', 'previous',
  // Escalation percentages (issue 13): shares of an SLA, and the list they replaced.
  'percents',
  // Role grants (issue 13): which role of the access policy, and when; userId is a person-id.
  'role', 'revokedAt',
];

/** Every classified field path, with its class. */
export const PERSONAL_DATA: ReadonlyMap<string, PersonalDataClass> = new Map([
  ...CONTACT.map((path) => [path, 'contact'] as const),
  ...PERSON_IDS.map((path) => [path, 'person-id'] as const),
  ...FREE_TEXT.map((path) => [path, 'free-text'] as const),
  ...NOT_PERSONAL.map((path) => [path, 'none'] as const),
]);

/**
 * The current public events that still carry contact details, each with the documented consumer
 * that needs them (and why). None today: customers are known to analysts by their customer id.
 */
export const CONTACT_DETAILS_CONSUMERS: ReadonlyMap<string, string> = new Map();

const objectOrUndefined = (value: unknown): JsonSchema | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonSchema) : undefined;

/** Where a schema node's fields are: its alternatives (same path), array items (`[]`) and map values (`.*`). */
const nestedOf = (node: JsonSchema, path: string): [JsonSchema, string][] => {
  const alternatives = [...((node['anyOf'] ?? []) as JsonSchema[]), ...((node['oneOf'] ?? []) as JsonSchema[])];
  const items = objectOrUndefined(node['items']);
  const values = objectOrUndefined(node['additionalProperties']);
  return [
    ...alternatives.map((alternative): [JsonSchema, string] => [alternative, path]),
    ...(items === undefined ? [] : [[items, `${path}[]`] as [JsonSchema, string]]),
    ...(values === undefined ? [] : [[values, `${path}.*`] as [JsonSchema, string]]),
  ];
};

/** Every field of a JSON Schema by path, as PERSONAL_DATA names them, with its schema. */
export const fieldsOf = (schema: JsonSchema): ReadonlyMap<string, JsonSchema> => {
  const fields = new Map<string, JsonSchema>();
  const walk = (node: JsonSchema, path: string): void => {
    for (const [nested, at] of nestedOf(node, path)) walk(nested, at);
    for (const [name, field] of Object.entries((node['properties'] ?? {}) as Record<string, JsonSchema>)) {
      const at = path === '' ? name : `${path}.${name}`;
      if (!fields.has(at)) fields.set(at, field);
      walk(field, at);
    }
  };
  walk(schema, '');
  return fields;
};

/**
 * The class of each field of a public event's data; undefined for a field PERSONAL_DATA does not
 * list. A field whose values are an enum is nobody's free text (a `reason` code, not a reason typed).
 */
export const personalDataOf = (event: PublicEvent): ReadonlyMap<string, PersonalDataClass | undefined> =>
  new Map(
    [...fieldsOf(jsonSchemaOf(event))].map(([path, field]) => {
      const found = PERSONAL_DATA.get(path);
      return [path, found === 'free-text' && Array.isArray(field['enum']) ? 'none' : found];
    }),
  );
