import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { pageQueryShape } from '@collab/service-kit';
import { LANGUAGE_RULES } from '@collab/workflow-domain';
import { changesSomething, nfcText, orgId, reason, skills } from '../org-fields.request';

/** REQUIRED: a case waits for an agent who speaks its language; PREFERRED: speakers first, others when none has room. */
const languageRule = z.enum(LANGUAGE_RULES as ['REQUIRED', 'PREFERRED']);

const queueSettings = { unitId: orgId, name: nfcText(200), skills, languageRule };

export const defineQueueSchema = z
  .object({
    id: orgId,
    ...queueSettings,
    skills: skills.default([]),
    languageRule: languageRule.default('PREFERRED'),
    reason: reason.optional(),
  })
  .strict();

export class DefineQueueRequest extends createZodDto(defineQueueSchema) {}

export const changeQueueSchema = changesSomething(queueSettings);

export class ChangeQueueRequest extends createZodDto(changeQueueSchema) {}

export const listQueuesSchema = z.object({ unitId: orgId.optional(), ...pageQueryShape }).strict();

export class ListQueuesQuery extends createZodDto(listQueuesSchema) {}

export const retireQueueSchema = z.object({ reason }).strict();

export class RetireQueueRequest extends createZodDto(retireQueueSchema) {}
