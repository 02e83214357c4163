import type { JsonSchema } from './service-contract';
import intakeCaseOpenedV1 from '../schemas/intake/CaseOpened.v1.schema.json';
import intakeCaseOpenedV2 from '../schemas/intake/CaseOpened.v2.schema.json';
import intakeCaseAcknowledgedV1 from '../schemas/intake/CaseAcknowledged.v1.schema.json';
import intakeContactAppendedV1 from '../schemas/intake/ContactAppended.v1.schema.json';
import intakeChannelRegisteredV1 from '../schemas/intake/ChannelRegistered.v1.schema.json';
import intakeChannelChangedV1 from '../schemas/intake/ChannelChanged.v1.schema.json';
import intakeChannelEnabledV1 from '../schemas/intake/ChannelEnabled.v1.schema.json';
import intakeChannelDisabledV1 from '../schemas/intake/ChannelDisabled.v1.schema.json';
import intakeCategoryDefinedV1 from '../schemas/intake/CategoryDefined.v1.schema.json';
import intakeCategoryRenamedV1 from '../schemas/intake/CategoryRenamed.v1.schema.json';
import intakeCategoryRetiredV1 from '../schemas/intake/CategoryRetired.v1.schema.json';
import intakeCalendarDefinedV1 from '../schemas/intake/CalendarDefined.v1.schema.json';
import intakeCalendarRevisedV1 from '../schemas/intake/CalendarRevised.v1.schema.json';
import workflowCaseRegisteredV1 from '../schemas/workflow/CaseRegistered.v1.schema.json';
import workflowCaseAssignedV1 from '../schemas/workflow/CaseAssigned.v1.schema.json';

/**
 * Every published event schema, by its `$id` (the CloudEvents `dataschema`). The JSON files under
 * libs/contracts/schemas are the source; analysts read them without our code.
 */
const schemas: readonly JsonSchema[] = [
  intakeCaseOpenedV1,
  intakeCaseOpenedV2,
  intakeCaseAcknowledgedV1,
  intakeContactAppendedV1,
  intakeChannelRegisteredV1,
  intakeChannelChangedV1,
  intakeChannelEnabledV1,
  intakeChannelDisabledV1,
  intakeCategoryDefinedV1,
  intakeCategoryRenamedV1,
  intakeCategoryRetiredV1,
  intakeCalendarDefinedV1,
  intakeCalendarRevisedV1,
  workflowCaseRegisteredV1,
  workflowCaseAssignedV1,
];

export const EVENT_SCHEMAS: ReadonlyMap<string, JsonSchema> = new Map(schemas.map((schema) => [String(schema['$id']), schema]));

export const eventSchema = (schemaId: string): JsonSchema => {
  const schema = EVENT_SCHEMAS.get(schemaId);
  if (!schema) throw new Error(`no JSON Schema with $id ${schemaId} in libs/contracts/schemas`);
  return schema;
};
