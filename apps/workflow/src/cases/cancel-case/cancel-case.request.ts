import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { reasonField } from '../case-request.fields';

export const cancelCaseSchema = z.object({ reason: reasonField }).strict();

export class CancelCaseRequest extends createZodDto(cancelCaseSchema) {}
