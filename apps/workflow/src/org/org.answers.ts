import { z } from 'zod';
import { UNIT_LEVELS, UNIT_TYPES } from '@collab/workflow-domain';
import { answerSchema, listPageSchema } from '@collab/service-kit';
import type { AgentView } from './agents/agent-view';
import type { PartnerView } from './partners/partner-view';
import type { QueueView } from './queues/queue-view';
import type { ResponsibilityView } from './responsibilities/responsibility-view';
import type { UnitNode, UnitView } from './units/unit-view';

/** What the REST API answers about the org directory: units, queues, agents, partners, responsibilities. */

const orgNames = answerSchema('OrgNames', z.object({ zh: z.string(), en: z.string() }));

const unitFields = {
  id: z.string(),
  names: orgNames,
  level: z.enum(UNIT_LEVELS),
  unitType: z.enum(UNIT_TYPES),
  parentId: z.string().nullable(),
  region: z.string(),
  calendarId: z.string(),
  supervisorId: z.string().nullable(),
  version: z.number().int().meta({ description: "The unit stream's version: the ETag for If-Match." }),
};
export const unitViewSchema: z.ZodType<UnitView> = answerSchema('UnitView', z.object(unitFields));

const unitNode: z.ZodType<UnitNode> = answerSchema(
  'UnitNode',
  z.object({
    ...unitFields,
    queues: z.array(z.string()),
    get children() {
      return z.array(unitNode);
    },
  }),
);
export const unitTreeSchema = listPageSchema('UnitTree', unitNode);

export const queueViewSchema: z.ZodType<QueueView> = answerSchema(
  'QueueView',
  z.object({
    id: z.string(),
    unitId: z.string(),
    name: z.string(),
    skills: z.array(z.string()),
    languageRule: z.enum(['REQUIRED', 'PREFERRED']),
    status: z.enum(['OPEN', 'RETIRED']),
    version: z.number().int(),
  }),
);
export const queueListSchema = listPageSchema('QueueList', queueViewSchema);

export const agentViewSchema: z.ZodType<AgentView> = answerSchema(
  'AgentView',
  z.object({
    id: z.string(),
    unitId: z.string(),
    queues: z.array(z.string()),
    crossUnitQueues: z.array(z.string()),
    skills: z.array(z.string()),
    languages: z.array(z.string()),
    capacity: z.number().int(),
    active: z.boolean(),
    load: z.number().int(),
    version: z.number().int(),
  }),
);
export const agentListSchema = listPageSchema('AgentList', agentViewSchema);

export const partnerViewSchema: z.ZodType<PartnerView> = answerSchema(
  'PartnerView',
  z.object({
    id: z.string(),
    names: orgNames,
    regions: z.array(z.string()),
    calendarId: z.string(),
    supervisorId: z.string().nullable(),
    active: z.boolean(),
    version: z.number().int(),
  }),
);
export const partnerListSchema = listPageSchema('PartnerList', partnerViewSchema);

export const responsibilityViewSchema: z.ZodType<ResponsibilityView> = answerSchema(
  'ResponsibilityView',
  z.object({
    id: z.string(),
    requestType: z.string().nullable(),
    category: z.string().nullable(),
    region: z.string().nullable(),
    unitId: z.string(),
    queueId: z.string().nullable(),
    assignedAt: z.string().meta({ format: 'date-time' }),
  }),
);
export const responsibilityListSchema = listPageSchema('ResponsibilityList', responsibilityViewSchema);
