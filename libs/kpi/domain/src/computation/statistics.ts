import { businessTimeBetween, type BusinessCalendar } from '@collab/business-calendar';
import type { Direction, KpiSpecification, Statistic } from '../definition/kpi-definition';

/**
 * The exact percentile as PostgreSQL's percentile_disc gives it: the first value whose cumulative
 * share reaches p (nearest rank). No error bound needed: every sample is kept.
 */
export const percentileDisc = (values: readonly number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] ?? null;
};

export const statisticOf = (statistic: Statistic, values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  switch (statistic) {
    case 'avg':
      return values.reduce((sum, value) => sum + value, 0) / values.length;
    case 'p50':
      return percentileDisc(values, 0.5);
    case 'p90':
      return percentileDisc(values, 0.9);
  }
};

/** Minutes from start to end: on the wall clock, or the holding unit's working minutes on its calendar. */
export const minutesBetween = (start: string, end: string, time: 'calendar' | 'business', calendar: BusinessCalendar | undefined): number => {
  const [from, to] = [new Date(start), new Date(end)];
  if (time === 'business' && calendar) return businessTimeBetween(calendar, from, to);
  return Math.max(0, (to.getTime() - from.getTime()) / 60_000);
};

/** Where a value stands against its KPI's thresholds: MET, WARNING (past the warning, not the target), BREACHED. */
export type Standing = 'MET' | 'WARNING' | 'BREACHED' | 'NO_TARGET' | 'NO_DATA';

const worse = (direction: Direction, value: number, threshold: number): boolean =>
  direction === 'HIGHER_IS_BETTER' ? value < threshold : value > threshold;

export const standingOf = (spec: Pick<KpiSpecification, 'target' | 'warning' | 'direction'>, value: number | null): Standing => {
  if (value === null) return 'NO_DATA';
  if (spec.target === null && spec.warning === null) return 'NO_TARGET';
  if (spec.target !== null && worse(spec.direction, value, spec.target)) return 'BREACHED';
  if (spec.warning !== null && worse(spec.direction, value, spec.warning)) return 'WARNING';
  return 'MET';
};
