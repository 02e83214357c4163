import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { CATEGORY_PATH_PATTERN, REQUEST_TYPE_PATTERN } from '@collab/workflow-domain';
import { orgId, reason, reasonBody, region } from '../org-fields.request';

const scope = {
  requestType: z
    .string()
    .regex(REQUEST_TYPE_PATTERN, { message: 'must be a request type such as COMPLAINT or FAULT' })
    .optional(),
  category: z
    .string()
    .regex(CATEGORY_PATH_PATTERN, { message: 'must be a category path such as billing or billing/refund' })
    .optional(),
  region: region.optional(),
};

/** Any of requestType, category and region may be left out: the entry then covers every value. */
export const assignResponsibilitySchema = z
  .object({ ...scope, unitId: orgId, queueId: orgId.optional(), reason: reason.optional() })
  .strict();

export class AssignResponsibilityRequest extends createZodDto(assignResponsibilitySchema) {}

export class WithdrawResponsibilityRequest extends createZodDto(reasonBody) {}

export const lookupResponsibilitySchema = z.object(scope).strict();

export class LookupResponsibilityQuery extends createZodDto(lookupResponsibilitySchema) {}
