import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { directoryIdField, overrideCapacityField, reasonField } from '../case-request.fields';

export const reassignCaseSchema = z
  .object({ toAgentId: directoryIdField, reason: reasonField, overrideCapacity: overrideCapacityField })
  .strict();

export class ReassignCaseRequest extends createZodDto(reassignCaseSchema) {}
