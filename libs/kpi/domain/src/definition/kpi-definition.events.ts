import type { KpiSpecification } from './kpi-definition';

/** A KPI's stream `kpi-<kpiId>`: defined once, revised into new versions, retired. */
export type KpiDefined = {
  readonly type: 'KpiDefined';
  readonly data: { readonly kpiId: string; readonly version: 1; readonly specification: KpiSpecification; readonly builtIn: boolean; readonly definedAt: string };
};
/** A new version; values computed by the older versions stay beside it. */
export type KpiRevised = {
  readonly type: 'KpiRevised';
  readonly data: { readonly kpiId: string; readonly version: number; readonly specification: KpiSpecification; readonly revisedAt: string };
};
/** No longer computed from new facts; its values stay readable. */
export type KpiRetired = {
  readonly type: 'KpiRetired';
  readonly data: { readonly kpiId: string; readonly version: number; readonly reason: string; readonly retiredAt: string };
};

export type KpiDefinitionEvent = KpiDefined | KpiRevised | KpiRetired;
export const KPI_DEFINITION_EVENT_TYPES = ['KpiDefined', 'KpiRevised', 'KpiRetired'] as const;

export const kpiStreamId = (kpiId: string): string => `kpi-${kpiId}`;
