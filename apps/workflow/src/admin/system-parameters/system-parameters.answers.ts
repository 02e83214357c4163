import { z } from 'zod';
import { answerSchema, instant, listPageSchema } from '@collab/service-kit';
import { SYSTEM_PARAMETERS, SYSTEM_PARAMETER_NAMES } from '@collab/workflow-domain';
import type { SystemParameterStanding } from './system-parameter-book';

export const systemParameterSchema = answerSchema(
  'SystemParameter',
  z.strictObject({
    name: z.enum(SYSTEM_PARAMETER_NAMES as [string, ...string[]]),
    value: z.number().int().meta({ description: 'The value in force: new decisions use it.' }),
    configured: z.number().int().meta({ description: 'What the deployment configured; the value until the first change.' }),
    owner: z.enum(['intake', 'workflow']).meta({ description: 'The service whose decisions use it.' }),
    unitOfMeasure: z.enum(['minutes', 'bounces']).meta({ description: 'What the value counts (as a KPI names it); `unit` alone means an org unit in this API.' }),
    min: z.number().int(),
    max: z.number().int(),
    version: z.number().int().meta({ description: 'How many changes it has had: send it as expectedVersion to change it.' }),
    changedAt: instant.nullable(),
    changedBy: z.string().nullable().meta({ description: 'Who made the last change (the subject of their token).' }),
    reason: z.string().nullable(),
  }),
);
export type SystemParameterAnswer = z.infer<typeof systemParameterSchema>;

export const systemParameterListSchema = listPageSchema('SystemParameterList', systemParameterSchema);

export const answerOf = ({ name, value, configured, state }: SystemParameterStanding): SystemParameterAnswer => {
  const { owner, unit, min, max } = SYSTEM_PARAMETERS[name];
  return {
    name, value, configured, owner, unitOfMeasure: unit, min, max,
    version: state.version,
    changedAt: state.last?.changedAt ?? null,
    changedBy: state.last?.actor.id ?? null,
    reason: state.last?.reason ?? null,
  };
};
