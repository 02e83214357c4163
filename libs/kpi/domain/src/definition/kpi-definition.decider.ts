import { IllegalTransition, ValidationFailed, type Decider, type DecisionContext } from '@collab/domain-kernel';
import { KPI_ID_PATTERN, type KpiDefinitionVersion, type KpiSpecification } from './kpi-definition';
import type { KpiDefinitionEvent } from './kpi-definition.events';
import { specificationErrors } from './specification.validation';

export type KpiCommand =
  | { readonly type: 'DefineKpi'; readonly kpiId: string; readonly specification: KpiSpecification; readonly builtIn?: boolean }
  | { readonly type: 'ReviseKpi'; readonly kpiId: string; readonly specification: KpiSpecification }
  | { readonly type: 'RetireKpi'; readonly kpiId: string; readonly reason: string };

export type KpiState =
  | { readonly status: 'none' }
  | { readonly status: 'active' | 'retired'; readonly current: KpiDefinitionVersion; readonly versions: readonly KpiDefinitionVersion[]; readonly builtIn: boolean };

export const evolveKpi = (state: KpiState, event: KpiDefinitionEvent): KpiState => {
  switch (event.type) {
    case 'KpiDefined': {
      const current = { kpiId: event.data.kpiId, version: 1, ...event.data.specification };
      return { status: 'active', current, versions: [current], builtIn: event.data.builtIn };
    }
    case 'KpiRevised': {
      if (state.status === 'none') return state;
      const current = { kpiId: event.data.kpiId, version: event.data.version, ...event.data.specification };
      return { ...state, status: 'active', current, versions: [...state.versions, current] };
    }
    case 'KpiRetired':
      return state.status === 'none' ? state : { ...state, status: 'retired' };
  }
};

const validated = (specification: KpiSpecification): KpiSpecification => {
  const errors = specificationErrors(specification);
  if (errors.length > 0) throw new ValidationFailed(errors);
  return specification;
};

const sameSpecification = (a: KpiSpecification, b: KpiSpecification): boolean => {
  const { kpiId: _id, version: _version, ...current } = b as KpiDefinitionVersion;
  return JSON.stringify(a) === JSON.stringify(current);
};

const define = (command: Extract<KpiCommand, { type: 'DefineKpi' }>, state: KpiState, at: string): KpiDefinitionEvent[] => {
  if (!KPI_ID_PATTERN.test(command.kpiId)) throw new ValidationFailed([{ field: 'id', message: 'must be a lower-case slug (a-z, 0-9, -)' }]);
  if (state.status !== 'none') throw new IllegalTransition('DefineKpi', state.status, `KPI ${command.kpiId} is already defined`);
  return [{ type: 'KpiDefined', data: { kpiId: command.kpiId, version: 1, specification: validated(command.specification), builtIn: command.builtIn ?? false, definedAt: at } }];
};

const revise = (command: Extract<KpiCommand, { type: 'ReviseKpi' }>, state: KpiState, at: string): KpiDefinitionEvent[] => {
  if (state.status === 'none') throw new IllegalTransition('ReviseKpi', 'none', `KPI ${command.kpiId} is not defined`);
  // The same specification again is no new version: a repeated PUT changes nothing.
  if (state.status === 'active' && sameSpecification(command.specification, state.current)) return [];
  return [{ type: 'KpiRevised', data: { kpiId: command.kpiId, version: state.current.version + 1, specification: validated(command.specification), revisedAt: at } }];
};

export const decideKpi = (command: KpiCommand, state: KpiState, { now }: DecisionContext): KpiDefinitionEvent[] => {
  const at = now.toISOString();
  switch (command.type) {
    case 'DefineKpi':
      return define(command, state, at);
    case 'ReviseKpi':
      return revise(command, state, at);
    case 'RetireKpi':
      if (state.status !== 'active') throw new IllegalTransition('RetireKpi', state.status);
      return [{ type: 'KpiRetired', data: { kpiId: command.kpiId, version: state.current.version, reason: command.reason, retiredAt: at } }];
  }
};

/** One KPI definition (stream `kpi-<kpiId>`): defined, revised into new versions (a revision of a retired KPI brings it back), retired. */
export const kpiDecider: Decider<KpiCommand, KpiDefinitionEvent, KpiState, DecisionContext> = {
  initialState: () => ({ status: 'none' }),
  evolve: evolveKpi,
  decide: decideKpi,
};
