import { defaultCalendars } from '@collab/business-calendar';
import type { KpiDefinitionVersion } from '../definition/kpi-definition';
import { BUILT_IN_KPIS } from '../library/built-in-library';
import { contributionsOf, kindsRead, passesFilters } from './contributions';
import type { KpiFact } from './kpi-fact';
import { minutesBetween, percentileDisc, standingOf, statisticOf } from './statistics';

const builtIn = (id: string): KpiDefinitionVersion => {
  const found = BUILT_IN_KPIS.find((kpi) => kpi.kpiId === id);
  if (!found) throw new Error(id);
  return { kpiId: id, version: 1, ...found.specification };
};

const fact = (kind: KpiFact['kind'], attrs: KpiFact['attrs'] = {}, dims: KpiFact['dims'] = {}): KpiFact => ({
  eventId: `${kind}-1`, kind, at: '2026-11-20T02:00:00.000Z', caseId: 'c-1', taskId: null, dims, attrs,
});

describe('what a fact adds to a KPI', () => {
  it('a returned task counts in the return rate’s numerator and denominator; a completed one only below', () => {
    expect(contributionsOf(builtIn('return-rate'), fact('TaskClosed', { outcome: 'RETURNED' }))).toEqual([{ part: 'num', value: 1 }, { part: 'den', value: 1 }]);
    expect(contributionsOf(builtIn('return-rate'), fact('TaskClosed', { outcome: 'COMPLETED' }))).toEqual([{ part: 'den', value: 1 }]);
  });

  it('an SLA clock counts only for its own clock', () => {
    expect(contributionsOf(builtIn('response-sla-compliance'), fact('SlaClockStopped', { clock: 'response', met: true }))).toEqual([{ part: 'num', value: 1 }, { part: 'den', value: 1 }]);
    expect(contributionsOf(builtIn('response-sla-compliance'), fact('SlaClockStopped', { clock: 'resolution', met: true }))).toEqual([]);
  });

  it('a duration’s facts are its ends; CSAT averages the score; the backlog steps up and down', () => {
    expect(contributionsOf(builtIn('resolution-time-p90'), fact('CaseOpened'))).toEqual([{ part: 'start', value: 0 }]);
    expect(contributionsOf(builtIn('resolution-time-p90'), fact('CaseResolved'))).toEqual([{ part: 'end', value: 0 }]);
    expect(contributionsOf(builtIn('csat-average'), fact('FeedbackRecorded', { csat: 4 }))).toEqual([{ part: 'value', value: 4 }]);
    expect(contributionsOf(builtIn('backlog'), fact('CaseClosed'))).toEqual([{ part: 'down', value: 1 }]);
    expect(kindsRead(builtIn('backlog'))).toEqual(['CaseOpened', 'CaseClosed']);
  });

  it('a definition’s filters see the case’s dimensions', () => {
    const billingOnly = { ...builtIn('contacts-received'), filters: [{ field: 'category', in: ['billing'] }] };
    expect(passesFilters(billingOnly, { dims: { category: 'billing' }, attrs: {} })).toBe(true);
    expect(passesFilters(billingOnly, { dims: { category: 'network' }, attrs: {} })).toBe(false);
  });
});

describe('statistics', () => {
  it('percentiles are exact (nearest rank, as percentile_disc)', () => {
    const minutes = [30, 10, 20, 50, 40, 60, 70, 80, 90, 100];
    expect(percentileDisc(minutes, 0.9)).toBe(90);
    expect(percentileDisc(minutes, 0.5)).toBe(50);
    expect(statisticOf('avg', minutes)).toBe(55);
    expect(statisticOf('p90', [])).toBeNull();
  });

  it('business time skips the weekend: Friday 17:00 to Monday 10:00 in Shanghai is two working hours', () => {
    const cn = defaultCalendars().find((calendar) => calendar.id === 'cn-standard');
    // 2026-11-20 is a Friday; 17:00 Shanghai = 09:00Z; Monday 10:00 = 02:00Z.
    expect(minutesBetween('2026-11-20T09:00:00Z', '2026-11-23T02:00:00Z', 'business', cn)).toBe(120);
    expect(minutesBetween('2026-11-20T09:00:00Z', '2026-11-23T02:00:00Z', 'calendar', cn)).toBe(3900);
  });

  it.each([
    [0.04, 'MET'], [0.07, 'WARNING'], [0.12, 'BREACHED'], [null, 'NO_DATA'],
  ] as const)('a return rate of %s stands %s against target 0.1, warning 0.05', (value, standing) =>
    expect(standingOf(builtIn('return-rate'), value)).toBe(standing));
});
