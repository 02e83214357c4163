import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { directoryIdField, reasonField } from '../case-request.fields';

export const reassignCaseSchema = z.object({ toAgentId: directoryIdField, reason: reasonField }).strict();

export class ReassignCaseRequest extends createZodDto(reassignCaseSchema) {}
