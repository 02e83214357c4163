import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { reasonField } from '../case-request.fields';

export const reopenCaseSchema = z.object({ reason: reasonField }).strict();

export class ReopenCaseRequest extends createZodDto(reopenCaseSchema) {}
