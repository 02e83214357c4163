import type { KpiDefinitionVersion } from '../definition/kpi-definition';
import { BUILT_IN_KPIS, DEFLECTION_WINDOW_MINUTES } from '../library/built-in-library';
import { countsUnlessFollowedUp, followUpOf, isFollowUp, reachedBack, wasFollowedUp } from './follow-ups';
import type { KpiFact } from './kpi-fact';

const deflection = ((): KpiDefinitionVersion => {
  const found = BUILT_IN_KPIS.find((kpi) => kpi.kpiId === 'knowledge-deflection');
  if (!found) throw new Error('knowledge-deflection is built in');
  return { kpiId: found.kpiId, version: 1, ...found.specification };
})();
const followUp = followUpOf(deflection)!;

const answered = (at: string): KpiFact => ({ eventId: 'answer-1', kind: 'SelfServiceAnswered', at, caseId: null, taskId: null, dims: { channel: 'app' }, attrs: {} });
const caseOpened = (at: string): KpiFact => ({ eventId: `case-${at}`, kind: 'CaseOpened', at, caseId: 'c-1', taskId: null, dims: {}, attrs: {} });
const contact = (at: string): KpiFact => ({ ...caseOpened(at), kind: 'ContactReceived' });

describe('knowledge deflection: a self-service answer that became a case is not a deflection', () => {
  const answer = answered('2026-11-20T08:00:00.000Z');

  it('counts self-service answers unless the same customer opens a case within 72 hours', () => {
    expect(followUp).toEqual({ of: { fact: 'CaseOpened' }, withinMinutes: DEFLECTION_WINDOW_MINUTES });
    expect(DEFLECTION_WINDOW_MINUTES).toBe(4_320);
    expect(countsUnlessFollowedUp(deflection, answer)).toBe(true);
    expect(isFollowUp(deflection, caseOpened('2026-11-20T09:00:00.000Z'))).toBe(true);
    expect(isFollowUp(deflection, contact('2026-11-20T09:00:00.000Z'))).toBe(false);
  });

  it.each([
    ['a case opened the same hour', [caseOpened('2026-11-20T09:00:00.000Z')], true],
    ['a case opened at the same instant', [caseOpened('2026-11-20T08:00:00.000Z')], true],
    ['a case opened exactly 72 hours later', [caseOpened('2026-11-23T08:00:00.000Z')], true],
    ['a case opened a minute after the window', [caseOpened('2026-11-23T08:01:00.000Z')], false],
    ['a case opened before the answer', [caseOpened('2026-11-20T07:59:00.000Z')], false],
    ['a contact joining an open case (no case opened)', [contact('2026-11-20T09:00:00.000Z')], false],
    ['nothing else from the customer', [], false],
  ])('given an answer and %s, it became a case: %s', (_name, sameCustomer, became) => {
    expect(wasFollowedUp(followUp, answer, sameCustomer)).toBe(became);
  });

  it('a case reaches back over the window, so it finds answers that arrived before or after it', () => {
    expect(reachedBack(followUp, '2026-11-23T08:00:00.000Z')).toEqual({ from: '2026-11-20T08:00:00.000Z', to: '2026-11-23T08:00:00.000Z' });
  });
});
