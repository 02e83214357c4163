import { IllegalTransition, ValidationFailed, fold, specFor } from '@collab/domain-kernel';
import { BUILT_IN_KPIS } from '../library/built-in-library';
import type { FactKind, KpiSpecification } from './kpi-definition';
import { kpiDecider } from './kpi-definition.decider';
import type { KpiDefinitionEvent } from './kpi-definition.events';

const now = new Date('2026-11-20T09:30:00.000Z');
const at = now.toISOString();
const spec = specFor(kpiDecider, { now });

const specification = (overrides: Partial<KpiSpecification> = {}): KpiSpecification => ({
  names: { zh: '退单率', en: 'Return rate' },
  description: 'Returned over closed tasks',
  dimensions: ['unit', 'partner'],
  measure: { kind: 'rate', numerator: { fact: 'TaskClosed', where: [{ field: 'outcome', in: ['RETURNED'] }] }, denominator: { fact: 'TaskClosed' } },
  filters: [],
  unitOfMeasure: 'share',
  target: 0.1,
  warning: 0.05,
  direction: 'LOWER_IS_BETTER',
  granularities: ['day', 'month'],
  ...overrides,
});

const defined = (overrides: Partial<KpiSpecification> = {}): KpiDefinitionEvent => ({
  type: 'KpiDefined', data: { kpiId: 'returns', version: 1, specification: specification(overrides), builtIn: false, definedAt: at },
});
const revised = (version: number, overrides: Partial<KpiSpecification> = {}): KpiDefinitionEvent => ({
  type: 'KpiRevised', data: { kpiId: 'returns', version, specification: specification(overrides), revisedAt: at },
});
const retired = (version: number): KpiDefinitionEvent => ({ type: 'KpiRetired', data: { kpiId: 'returns', version, reason: 'replaced', retiredAt: at } });

describe('a KPI definition', () => {
  it('is defined as version 1', () =>
    spec.given().when({ type: 'DefineKpi', kpiId: 'returns', specification: specification() }).then(defined()));

  it.each<[string, { kpiId?: string }, Partial<KpiSpecification>]>([
    ['a bad id', { kpiId: 'Not a slug' }, {}],
    ['an empty name', {}, { names: { zh: '', en: 'x' } }],
    ['no granularity', {}, { granularities: [] }],
    ['a rate target above 1', {}, { target: 1.5 }],
    ['a warning past the target', {}, { warning: 0.2 }],
    ['an unknown fact', {}, { measure: { kind: 'count', of: { fact: 'Nothing' as FactKind } } }],
    ['a follow-up window of no minutes', {}, { measure: { kind: 'count', of: { fact: 'SelfServiceAnswered' }, unlessFollowedBy: { of: { fact: 'CaseOpened' }, withinMinutes: 0 } }, target: null, warning: null }],
    ['a follow-up window beyond 90 days', {}, { measure: { kind: 'count', of: { fact: 'SelfServiceAnswered' }, unlessFollowedBy: { of: { fact: 'CaseOpened' }, withinMinutes: 90 * 1440 + 1 } }, target: null, warning: null }],
  ])('refuses %s', (_, command, overrides) =>
    spec.given().when({ type: 'DefineKpi', kpiId: 'returns', specification: specification(overrides), ...command }).thenThrows(ValidationFailed));

  it('is defined once', () =>
    spec.given(defined()).when({ type: 'DefineKpi', kpiId: 'returns', specification: specification() }).thenThrows(IllegalTransition));

  it('is revised into a new version, and the old version stays in its history', () => {
    spec.given(defined(), revised(2, { target: 0.08 }))
      .when({ type: 'ReviseKpi', kpiId: 'returns', specification: specification({ target: 0.06, warning: 0.04 }) })
      .then(revised(3, { target: 0.06, warning: 0.04 }));
    const state = fold(kpiDecider, [defined(), revised(2, { target: 0.08 })]);
    expect(state.status === 'active' && state.versions.map((v) => [v.version, v.target])).toEqual([[1, 0.1], [2, 0.08]]);
  });

  it('makes no version of the same specification', () =>
    spec.given(defined()).when({ type: 'ReviseKpi', kpiId: 'returns', specification: specification() }).then());

  it('is not revised before it exists', () =>
    spec.given().when({ type: 'ReviseKpi', kpiId: 'returns', specification: specification() }).thenThrows(IllegalTransition));

  it('is retired once, and a revision brings it back as a new version', () => {
    spec.given(defined()).when({ type: 'RetireKpi', kpiId: 'returns', reason: 'replaced' }).then(retired(1));
    spec.given(defined(), retired(1)).when({ type: 'RetireKpi', kpiId: 'returns', reason: 'again' }).thenThrows(IllegalTransition);
    spec.given(defined(), retired(1)).when({ type: 'ReviseKpi', kpiId: 'returns', specification: specification() }).then(revised(2));
  });

  it('the built-in library is valid, with distinct ids, and covers the issue’s list', () => {
    for (const { kpiId, specification: builtIn } of BUILT_IN_KPIS)
      spec.given().when({ type: 'DefineKpi', kpiId, specification: builtIn, builtIn: true })
        .then({ type: 'KpiDefined', data: { kpiId, version: 1, specification: builtIn, builtIn: true, definedAt: at } });
    const ids = BUILT_IN_KPIS.map((kpi) => kpi.kpiId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([
      'contacts-received', 'first-response-time-avg', 'first-response-time-p90', 'resolution-time-avg', 'resolution-time-p90',
      'first-contact-resolution-rate', 'response-sla-compliance', 'resolution-sla-compliance', 'collaboration-on-time-rate',
      'return-rate', 'returns-by-reason', 'reopen-rate', 'escalation-rate', 'ping-pong-count', 'backlog', 'csat-average',
      'csat-response-rate', 'knowledge-deflection',
    ]));
  });
});
