import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { directoryIdField, reasonField } from '../case-request.fields';

export const transferCaseSchema = z
  .object({
    queue: directoryIdField,
    /** Another region for the case; it keeps its own when left out. */
    region: directoryIdField.optional(),
    reason: reasonField,
  })
  .strict();

export class TransferCaseRequest extends createZodDto(transferCaseSchema) {}
