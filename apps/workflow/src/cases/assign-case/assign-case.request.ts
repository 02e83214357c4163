import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { directoryIdField, overrideCapacityField, reasonField } from '../case-request.fields';

export const assignCaseSchema = z
  .object({ agentId: directoryIdField, reason: reasonField, overrideCapacity: overrideCapacityField })
  .strict();

export class AssignCaseRequest extends createZodDto(assignCaseSchema) {}
