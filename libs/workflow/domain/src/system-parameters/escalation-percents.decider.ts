import { Conflict, type Decider, type DecisionContext } from '@collab/domain-kernel';
import { rejectInvalid, requireText } from '../validation';
import { escalationPercentErrors } from './escalation-percents';
import type { ChangeEscalationPercents, EscalationPercentsChanged, EscalationPercentsEvent } from './escalation-percents.events';

/** The changes so far, folded: how many (the version) and the last one. */
export interface EscalationPercentsState {
  readonly version: number;
  readonly last: EscalationPercentsChanged['data'] | null;
}

/** The percentages in force: the last change, else none (each process version's own policy). */
export const escalationPercentsOf = (state: EscalationPercentsState): readonly number[] => state.last?.percents ?? [];

const sameList = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((percent, index) => percent === b[index]);

const change = (command: ChangeEscalationPercents, state: EscalationPercentsState, { now }: DecisionContext): EscalationPercentsEvent[] => {
  rejectInvalid([...escalationPercentErrors(command.percents), ...(command.reason === null ? [] : requireText('reason', command.reason))]);
  if (command.expectedVersion !== state.version)
    throw new Conflict(`the escalation percentages are at version ${state.version}, not ${command.expectedVersion}: another change came first`);
  const previous = escalationPercentsOf(state);
  if (sameList(previous, command.percents)) return [];
  const data = { percents: [...command.percents], previous: [...previous], actor: command.actor, reason: command.reason, changedAt: now.toISOString() };
  return [{ type: 'EscalationPercentsChanged', data }];
};

/** The escalation percentages: changed by an administrator, ascending within 1–100 %, at the version they saw. */
export const escalationPercentsDecider: Decider<ChangeEscalationPercents, EscalationPercentsEvent, EscalationPercentsState, DecisionContext> = {
  initialState: () => ({ version: 0, last: null }),
  evolve: (state, event) => ({ version: state.version + 1, last: event.data }),
  decide: (command, state, context) => change(command, state, context),
};
