import { Conflict, type Decider, type DecisionContext } from '@collab/domain-kernel';
import { rejectInvalid, requireText } from '../validation';
import { SYSTEM_PARAMETERS, type SystemParameterName, type SystemParameterValues } from './system-parameters';
import type { ChangeSystemParameter, SystemParameterChanged, SystemParameterCommand, SystemParameterEvent } from './system-parameters.events';

/** One parameter's changes, folded: how many there were (its version) and the last one. */
export interface SystemParameterState {
  readonly version: number;
  readonly last: SystemParameterChanged['data'] | null;
}

/** The configured values: what a parameter is until its first change. */
export interface SystemParameterContext extends DecisionContext {
  readonly configured: SystemParameterValues;
}

/** The value in force: the last change, else what the deployment configured. */
export const valueOf = (name: SystemParameterName, state: SystemParameterState, configured: SystemParameterValues): number =>
  state.last?.value ?? configured[name];

const valueErrors = (name: SystemParameterName, value: number) => {
  const { min, max, unit } = SYSTEM_PARAMETERS[name];
  return Number.isInteger(value) && value >= min && value <= max
    ? []
    : [{ field: 'value', message: `${name} must be a whole number of ${unit} from ${min} to ${max}` }];
};

const change = (command: ChangeSystemParameter, state: SystemParameterState, { now, configured }: SystemParameterContext): SystemParameterEvent[] => {
  rejectInvalid([...valueErrors(command.name, command.value), ...(command.reason === null ? [] : requireText('reason', command.reason))]);
  if (command.expectedVersion !== state.version)
    throw new Conflict(`${command.name} is at version ${state.version}, not ${command.expectedVersion}: another change came first`);
  const previous = valueOf(command.name, state, configured);
  if (previous === command.value) return [];
  return [
    {
      type: 'SystemParameterChanged',
      data: { name: command.name, value: command.value, previous, actor: command.actor, reason: command.reason, changedAt: now.toISOString() },
    },
  ];
};

/** One system parameter: changed by an administrator within its range, at the version they saw. */
export const systemParameterDecider: Decider<SystemParameterCommand, SystemParameterEvent, SystemParameterState, SystemParameterContext> = {
  initialState: () => ({ version: 0, last: null }),
  evolve: (state, event) => ({ version: state.version + 1, last: event.data }),
  decide: (command, state, context) => change(command, state, context),
};
