import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import {
  calendarId,
  changesSomething,
  names,
  orgId,
  reason,
  reasonBody,
  region,
  supervisorId,
} from '../org-fields.request';

const partnerSettings = {
  names,
  regions: z
    .array(region)
    .min(1, { message: 'must name at least one region' })
    .max(100, { message: 'must list at most 100 regions' }),
  calendarId,
  supervisorId,
};

export const registerPartnerSchema = z
  .object({
    id: orgId,
    ...partnerSettings,
    supervisorId: supervisorId.default(null),
    reason: reason.optional(),
  })
  .strict();

export class RegisterPartnerRequest extends createZodDto(registerPartnerSchema) {}

export const changePartnerSchema = changesSomething(partnerSettings);

export class ChangePartnerRequest extends createZodDto(changePartnerSchema) {}

export class PartnerActivityRequest extends createZodDto(reasonBody) {}
