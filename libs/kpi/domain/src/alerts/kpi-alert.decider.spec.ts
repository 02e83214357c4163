import { specFor } from '@collab/domain-kernel';
import { kpiAlertDecider, type ObserveKpiValue } from './kpi-alert.decider';
import { kpiAlertStreamId, type AlertSubject, type KpiAlertEvent, type Threshold } from './kpi-alert.events';

const now = new Date('2026-11-30T02:30:00.000Z');
const at = now.toISOString();
const spec = specFor(kpiAlertDecider, { now });

/** The return rate of today's bucket for the whole organisation: lower is better, warning 0.05, target 0.1. */
const today: AlertSubject = { kpiId: 'return-rate', version: 1, scope: 'whole', granularity: 'day', bucket: '2026-11-30T00:00:00Z' };
const tomorrow: AlertSubject = { ...today, bucket: '2026-12-01T00:00:00Z' };
const thresholds = { target: 0.1, warning: 0.05, direction: 'LOWER_IS_BETTER' } as const;
const THRESHOLD_VALUE: Record<Threshold, number> = { WARNING: 0.05, TARGET: 0.1 };

const observe = (value: number | null, subject = today, overrides: Partial<ObserveKpiValue['thresholds']> = {}): ObserveKpiValue => ({
  type: 'ObserveKpiValue', subject, value, thresholds: { ...thresholds, ...overrides },
});
const crossed = (threshold: Threshold, value: number, subject = today): KpiAlertEvent => ({
  type: 'KpiThresholdCrossed',
  data: { ...subject, threshold, thresholdValue: THRESHOLD_VALUE[threshold], direction: 'LOWER_IS_BETTER', value, standing: threshold === 'WARNING' ? 'WARNING' : 'BREACHED', crossedAt: at },
});
const recovered = (threshold: Threshold, value: number): KpiAlertEvent => ({
  type: 'KpiThresholdRecovered',
  data: { ...today, threshold, thresholdValue: THRESHOLD_VALUE[threshold], direction: 'LOWER_IS_BETTER', value, standing: threshold === 'WARNING' ? 'MET' : 'WARNING', recoveredAt: at },
});

describe('a watched KPI bucket', () => {
  it('says nothing while the figure meets its thresholds', () => spec.given().when(observe(0.02)).then());

  it('says nothing without data or without thresholds', () => {
    spec.given().when(observe(null)).then();
    spec.given().when(observe(0.5, today, { target: null, warning: null })).then();
  });

  it('crosses the warning once the figure passes it', () => spec.given().when(observe(0.07)).then(crossed('WARNING', 0.07)));

  it('does not cross the same threshold twice (a redelivered value, a second replica)', () =>
    spec.given(crossed('WARNING', 0.07)).when(observe(0.08)).then());

  it('crosses the target after the warning', () => spec.given(crossed('WARNING', 0.07)).when(observe(0.12)).then(crossed('TARGET', 0.12)));

  it('crosses both thresholds, warning first, when the figure jumps past the target', () =>
    spec.given().when(observe(0.2)).then(crossed('WARNING', 0.2), crossed('TARGET', 0.2)));

  it('recovers past the target, then the warning, when the figure comes back', () => {
    spec.given(crossed('WARNING', 0.2), crossed('TARGET', 0.2)).when(observe(0.07)).then(recovered('TARGET', 0.07));
    spec.given(crossed('WARNING', 0.2), crossed('TARGET', 0.2)).when(observe(0.01)).then(recovered('TARGET', 0.01), recovered('WARNING', 0.01));
    spec.given(crossed('WARNING', 0.07)).when(observe(0.04)).then(recovered('WARNING', 0.04));
  });

  it('starts afresh when the bucket changes: tomorrow’s bucket is its own stream, crossing again', () => {
    expect(kpiAlertStreamId(tomorrow)).not.toBe(kpiAlertStreamId(today));
    spec.given().when(observe(0.07, tomorrow)).then(crossed('WARNING', 0.07, tomorrow));
  });

  it('reads the direction: higher is better crosses below the thresholds', () =>
    spec.given().when(observe(0.82, today, { target: 0.8, warning: 0.85, direction: 'HIGHER_IS_BETTER' })).then({
      type: 'KpiThresholdCrossed',
      data: { ...today, threshold: 'WARNING', thresholdValue: 0.85, direction: 'HIGHER_IS_BETTER', value: 0.82, standing: 'WARNING', crossedAt: at },
    }));

  it('passes only the threshold a KPI has: without a warning, straight to the target and back to MET', () => {
    spec.given().when(observe(0.2, today, { warning: null })).then(crossed('TARGET', 0.2));
    const back = recovered('TARGET', 0.07);
    spec.given(crossed('TARGET', 0.2)).when(observe(0.07, today, { warning: null })).then({ ...back, data: { ...back.data, standing: 'MET' } } as KpiAlertEvent);
  });
});
