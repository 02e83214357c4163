import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { UNIT_LEVELS, UNIT_TYPES } from '@collab/workflow-domain';
import {
  calendarId,
  changesSomething,
  names,
  orgId,
  reason,
  region,
  supervisorId,
} from '../org-fields.request';

const unitSettings = {
  names,
  unitType: z.enum(UNIT_TYPES),
  parentId: orgId.nullable(),
  region,
  calendarId,
  supervisorId,
};

export const defineUnitSchema = z
  .object({
    id: orgId,
    level: z.enum(UNIT_LEVELS),
    ...unitSettings,
    // A group stands at the top; any other level names the unit above it.
    parentId: unitSettings.parentId.default(null),
    supervisorId: supervisorId.default(null),
    reason: reason.optional(),
  })
  .strict();

export class DefineUnitRequest extends createZodDto(defineUnitSchema) {}

/** Everything but the id and the level, which are fixed for life. */
export const changeUnitSchema = changesSomething(unitSettings);

export class ChangeUnitRequest extends createZodDto(changeUnitSchema) {}
