import type { Decider, DecisionContext } from '@collab/domain-kernel';
import type { KpiSpecification } from '../definition/kpi-definition';
import { standingOf } from '../computation/statistics';
import type { AlertStanding, AlertSubject, KpiAlertEvent, Threshold } from './kpi-alert.events';

/** The watched figure's value now (null: no data in the bucket yet), with the thresholds of its KPI version. */
export interface ObserveKpiValue {
  readonly type: 'ObserveKpiValue';
  readonly subject: AlertSubject;
  readonly value: number | null;
  readonly thresholds: Pick<KpiSpecification, 'target' | 'warning' | 'direction'>;
}

/** Where the bucket's figure was last seen standing; MET until it crosses anything. */
export interface KpiAlertState {
  readonly standing: AlertStanding;
}

const RANK: Readonly<Record<AlertStanding, number>> = { MET: 0, WARNING: 1, BREACHED: 2 };
/** The threshold passed when moving between a rank and the one below it. */
const PASSED: Readonly<Record<1 | 2, { readonly threshold: Threshold; readonly standing: AlertStanding; readonly below: AlertStanding }>> = {
  1: { threshold: 'WARNING', standing: 'WARNING', below: 'MET' },
  2: { threshold: 'TARGET', standing: 'BREACHED', below: 'WARNING' },
};

export const evolveKpiAlert = (_state: KpiAlertState, event: KpiAlertEvent): KpiAlertState => ({ standing: event.data.standing });

const thresholdValueOf = (threshold: Threshold, thresholds: ObserveKpiValue['thresholds']): number | null =>
  threshold === 'WARNING' ? thresholds.warning : thresholds.target;

/**
 * Compares the figure with where it stood: each threshold passed on the way is one event, in the
 * order it was passed (worsening past the warning, then the target; recovering past the target, then
 * the warning), so a jump from MET to BREACHED says both. A KPI without that threshold passes none there.
 * No data and no thresholds decide nothing; the same standing again decides nothing (a redelivery, a second replica).
 */
export const decideKpiAlert = ({ subject, value, thresholds }: ObserveKpiValue, state: KpiAlertState, { now }: DecisionContext): KpiAlertEvent[] => {
  const standing = standingOf(thresholds, value);
  if (value === null || standing === 'NO_DATA' || standing === 'NO_TARGET') return [];
  const [from, to] = [RANK[state.standing], RANK[standing]];
  const at = now.toISOString();
  const ranks = (from < to ? [1, 2].filter((rank) => rank > from && rank <= to) : [2, 1].filter((rank) => rank <= from && rank > to)) as (1 | 2)[];
  const passed = ranks.filter((rank) => thresholdValueOf(PASSED[rank].threshold, thresholds) !== null);
  return passed.map((rank, index): KpiAlertEvent => {
    const { threshold, standing: past, below } = PASSED[rank];
    const passing = { ...subject, threshold, thresholdValue: thresholdValueOf(threshold, thresholds) ?? 0, direction: thresholds.direction, value };
    // The last threshold passed leaves the figure where it now stands (a KPI without a warning recovers straight to MET).
    const last = index === passed.length - 1;
    return from < to
      ? { type: 'KpiThresholdCrossed', data: { ...passing, standing: (last ? standing : past) as 'WARNING' | 'BREACHED', crossedAt: at } }
      : { type: 'KpiThresholdRecovered', data: { ...passing, standing: (last ? standing : below) as 'MET' | 'WARNING', recoveredAt: at } };
  });
};

/** One watched bucket's alerts (stream `kpiAlertStreamId`): threshold crossings and recoveries, each once. */
export const kpiAlertDecider: Decider<ObserveKpiValue, KpiAlertEvent, KpiAlertState, DecisionContext> = {
  initialState: () => ({ standing: 'MET' }),
  evolve: evolveKpiAlert,
  decide: decideKpiAlert,
};
