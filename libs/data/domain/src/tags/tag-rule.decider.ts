import { IllegalTransition, ValidationFailed, type Decider, type DecisionContext } from '@collab/domain-kernel';
import { tagRuleErrors, type TagCondition } from './tag-rule';

export type TagRuleCommand =
  | { readonly type: 'DefineTagRule'; readonly tag: string; readonly description: string; readonly conditions: readonly TagCondition[]; readonly by: string }
  | { readonly type: 'RetireTagRule'; readonly tag: string; readonly by: string };

export type TagRuleEvent =
  | {
      readonly type: 'TagRuleDefined';
      readonly data: { readonly tag: string; readonly version: number; readonly description: string; readonly conditions: readonly TagCondition[]; readonly definedBy: string; readonly definedAt: string };
    }
  | { readonly type: 'TagRuleRetired'; readonly data: { readonly tag: string; readonly version: number; readonly retiredBy: string; readonly retiredAt: string } };

export type TagRuleState =
  | { readonly status: 'none' }
  | { readonly status: 'active' | 'retired'; readonly version: number; readonly description: string; readonly conditions: readonly TagCondition[] };

export const tagRuleStreamId = (tag: string): string => `tag-rule-${tag}`;

const evolve = (state: TagRuleState, event: TagRuleEvent): TagRuleState => {
  switch (event.type) {
    case 'TagRuleDefined':
      return { status: 'active', version: event.data.version, description: event.data.description, conditions: event.data.conditions };
    case 'TagRuleRetired':
      return state.status === 'none' ? state : { ...state, status: 'retired' };
  }
};

const sameDefinition = (state: TagRuleState, description: string, conditions: readonly TagCondition[]): boolean =>
  state.status === 'active' && state.description === description && JSON.stringify(state.conditions) === JSON.stringify(conditions);

const decide = (command: TagRuleCommand, state: TagRuleState, { now }: DecisionContext): TagRuleEvent[] => {
  if (command.type === 'RetireTagRule') {
    if (state.status !== 'active') throw new IllegalTransition(command.type, state.status, `tag rule ${command.tag} is not in force`);
    return [{ type: 'TagRuleRetired', data: { tag: command.tag, version: state.version, retiredBy: command.by, retiredAt: now.toISOString() } }];
  }
  const errors = tagRuleErrors(command);
  if (errors.length > 0) throw new ValidationFailed(errors);
  // Saying again what is in force is no new version: a retried request changes nothing.
  if (sameDefinition(state, command.description, command.conditions)) return [];
  const version = state.status === 'none' ? 1 : state.version + 1;
  return [{ type: 'TagRuleDefined', data: { tag: command.tag, version, description: command.description, conditions: command.conditions, definedBy: command.by, definedAt: now.toISOString() } }];
};

/** A tag rule's definitions, versioned: each definition is a new version; retiring ends the tag for everyone. */
export const tagRuleDecider: Decider<TagRuleCommand, TagRuleEvent, TagRuleState, DecisionContext> = {
  initialState: () => ({ status: 'none' }),
  evolve,
  decide,
};
