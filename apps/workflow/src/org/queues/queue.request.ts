import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { changesSomething, nfcText, orgId, reason, skills } from '../org-fields.request';

const queueSettings = { unitId: orgId, name: nfcText(200), skills };

export const defineQueueSchema = z
  .object({ id: orgId, ...queueSettings, skills: skills.default([]), reason: reason.optional() })
  .strict();

export class DefineQueueRequest extends createZodDto(defineQueueSchema) {}

export const changeQueueSchema = changesSomething(queueSettings);

export class ChangeQueueRequest extends createZodDto(changeQueueSchema) {}

export const listQueuesSchema = z.object({ unitId: orgId.optional() }).strict();

export class ListQueuesQuery extends createZodDto(listQueuesSchema) {}
