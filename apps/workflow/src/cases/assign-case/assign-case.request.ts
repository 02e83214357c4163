import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { directoryIdField, reasonField } from '../case-request.fields';

export const assignCaseSchema = z.object({ agentId: directoryIdField, reason: reasonField }).strict();

export class AssignCaseRequest extends createZodDto(assignCaseSchema) {}
