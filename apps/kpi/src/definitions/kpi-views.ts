import type { KpiDefinitionVersion } from '@collab/kpi-domain';
import type { KnownKpi } from './kpi-commands';

export type KpiView = Omit<KpiDefinitionVersion, 'kpiId'> & {
  readonly id: string;
  readonly status: 'ACTIVE' | 'RETIRED';
  readonly builtIn: boolean;
  readonly versions: readonly number[];
};

export const kpiViewOf = (definition: KpiDefinitionVersion, retired: boolean, builtIn: boolean, versions: readonly number[]): KpiView => {
  const { kpiId, ...rest } = definition;
  return { id: kpiId, ...rest, status: retired ? 'RETIRED' : 'ACTIVE', builtIn, versions };
};

export const viewOfState = (state: KnownKpi): KpiView =>
  kpiViewOf(state.current, state.status === 'retired', state.builtIn, state.versions.map((version) => version.version));
