import { z } from 'zod';
import { answerSchema, instant } from '@collab/service-kit';
import { escalationPercentsOf, escalationPolicyOf, MAX_ESCALATION_PERCENTS, type EscalationPercentsState } from '@collab/workflow-domain';

export const escalationPercentsSchema = answerSchema(
  'EscalationPercents',
  z.strictObject({
    percents: z.array(z.number().int()).meta({ description: "In force for clocks started from now on, ascending: the first warns, each further one escalates a level. Empty: each process version's own policy." }),
    warnAtPercent: z.number().int().nullable().meta({ description: 'The warning the list stands for; null when the list is empty.' }),
    levels: z
      .array(z.strictObject({ level: z.number().int(), atPercent: z.number().int(), notify: z.enum(['UNIT_SUPERVISOR', 'PARENT_UNIT_SUPERVISOR']) }))
      .meta({ description: 'The escalation levels the list stands for: level 1 alerts the holding unit\'s supervisor, later levels the unit above.' }),
    maxPercents: z.number().int().meta({ description: 'How many percentages the list may hold.' }),
    version: z.number().int().meta({ description: 'How many changes they have had: send it as expectedVersion to change them.' }),
    changedAt: instant.nullable(),
    changedBy: z.string().nullable().meta({ description: 'Who made the last change (the subject of their token).' }),
    reason: z.string().nullable(),
  }),
);
export type EscalationPercentsAnswer = z.infer<typeof escalationPercentsSchema>;

export const escalationPercentsAnswerOf = (state: EscalationPercentsState): EscalationPercentsAnswer => {
  const percents = escalationPercentsOf(state);
  const policy = escalationPolicyOf(percents);
  return {
    percents: [...percents],
    warnAtPercent: policy?.warnAtPercent ?? null,
    levels: policy ? [...policy.levels] : [],
    maxPercents: MAX_ESCALATION_PERCENTS,
    version: state.version,
    changedAt: state.last?.changedAt ?? null,
    changedBy: state.last?.actor.id ?? null,
    reason: state.last?.reason ?? null,
  };
};
