import { z } from 'zod';
import { UNIT_LEVELS, UNIT_TYPES } from '@collab/workflow-domain';
import { answerSchema, listPageSchema } from '@collab/service-kit';

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
/** A unit as the API shows it. */
export const unitViewSchema = answerSchema('UnitView', z.object(unitFields));
export type UnitView = z.infer<typeof unitViewSchema>;

/** A unit in the tree: its own queues and the units right below it (the recursion is the one thing typed by hand). */
export type UnitNode = UnitView & { queues: string[]; children: UnitNode[] };
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

export const queueViewSchema = answerSchema(
  'QueueView',
  z.object({
    id: z.string(),
    unitId: z.string(),
    name: z.string(),
    skills: z.array(z.string()),
    /** REQUIRED: cases wait for an agent who speaks their language; PREFERRED: speakers first. */
    languageRule: z.enum(['REQUIRED', 'PREFERRED']),
    /** RETIRED: takes no new cases, agents or routing rules. */
    status: z.enum(['OPEN', 'RETIRED']),
    version: z.number().int(),
  }),
);
export type QueueView = z.infer<typeof queueViewSchema>;
export const queueListSchema = listPageSchema('QueueList', queueViewSchema);

export const agentViewSchema = answerSchema(
  'AgentView',
  z.object({
    id: z.string(),
    unitId: z.string(),
    queues: z.array(z.string()),
    /** Those of `queues` that belong to another unit, each by an explicit grant (跨部门). */
    crossUnitQueues: z.array(z.string()),
    skills: z.array(z.string()),
    languages: z.array(z.string()),
    capacity: z.number().int(),
    active: z.boolean(),
    /** Open cases they own now (not resolved, closed or cancelled). */
    load: z.number().int(),
    version: z.number().int(),
  }),
);
export type AgentView = z.infer<typeof agentViewSchema>;
export const agentListSchema = listPageSchema('AgentList', agentViewSchema);

export const partnerViewSchema = answerSchema(
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
export type PartnerView = z.infer<typeof partnerViewSchema>;
export const partnerListSchema = listPageSchema('PartnerList', partnerViewSchema);

/** An entry of the responsibility matrix; a null attribute covers any value. */
export const responsibilityViewSchema = answerSchema(
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
export type ResponsibilityView = z.infer<typeof responsibilityViewSchema>;
export const responsibilityListSchema = listPageSchema('ResponsibilityList', responsibilityViewSchema);
