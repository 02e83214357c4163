import { Conflict, ValidationFailed, fold, specFor } from '@collab/domain-kernel';
import { escalationPolicyOf } from './escalation-percents';
import { escalationPercentsDecider, escalationPercentsOf } from './escalation-percents.decider';
import type { ChangeEscalationPercents, EscalationPercentsChanged } from './escalation-percents.events';

const now = new Date('2026-12-07T02:00:00.000Z');
const admin = { id: 'admin-wang', kind: 'user' } as const;
const spec = specFor(escalationPercentsDecider, { now });

const changePercents = (overrides: Partial<ChangeEscalationPercents> = {}): ChangeEscalationPercents => ({
  type: 'ChangeEscalationPercents', percents: [50, 80, 100], expectedVersion: 0, actor: admin, reason: null, ...overrides,
});
const percentsChanged = (overrides: Partial<EscalationPercentsChanged['data']> = {}): EscalationPercentsChanged => ({
  type: 'EscalationPercentsChanged',
  data: { percents: [50, 80, 100], previous: [], actor: admin, reason: null, changedAt: now.toISOString(), ...overrides },
});

const refusedFields = (command: ChangeEscalationPercents): string[] => {
  try {
    escalationPercentsDecider.decide(command, escalationPercentsDecider.initialState(), { now });
  } catch (error) {
    if (error instanceof ValidationFailed) return error.errors.map((e) => e.field);
    throw error;
  }
  throw new Error('expected ValidationFailed');
};

describe('changing the escalation percentages', () => {
  it('records the new list, with who changed it and why, replacing none (each process its own)', () =>
    spec.given().when(changePercents({ reason: '投诉升级规定 2026-12' })).then(percentsChanged({ reason: '投诉升级规定 2026-12' })));

  it('names the list in force before as the previous one', () =>
    spec.given(percentsChanged()).when(changePercents({ percents: [60, 90], expectedVersion: 1 })).then(percentsChanged({ percents: [60, 90], previous: [50, 80, 100] })));

  it('may hand the percentages back to each process version (the empty list)', () =>
    spec.given(percentsChanged()).when(changePercents({ percents: [], expectedVersion: 1 })).then(percentsChanged({ percents: [], previous: [50, 80, 100] })));

  it('records nothing when the same list is in force', () =>
    spec.given(percentsChanged()).when(changePercents({ expectedVersion: 1 })).then());

  it('is refused when another change came first (optimistic concurrency)', () =>
    spec.given(percentsChanged()).when(changePercents({ percents: [70], expectedVersion: 0 })).thenThrows(Conflict));

  it('is refused with a blank reason', () => spec.given().when(changePercents({ reason: ' ' })).thenThrows(ValidationFailed));

  it.each<[string, number[], string[]]>([
    ['a percentage of 0', [0, 80], ['percents.0']],
    ['a percentage past 100', [50, 150], ['percents.1']],
    ['a fraction', [50, 80.5], ['percents.1']],
    ['a list out of order', [80, 50, 100], ['percents.1']],
    ['the same percentage twice', [50, 50], ['percents.1']],
    ['more than five percentages', [10, 20, 30, 40, 50, 60], ['percents']],
  ])('is refused with %s, naming the field', (_, percents, fields) => expect(refusedFields(changePercents({ percents }))).toEqual(fields));

  it('allows the bounds: 1 % and 100 %, five levels', () =>
    spec.given().when(changePercents({ percents: [1, 25, 50, 75, 100] })).then(percentsChanged({ percents: [1, 25, 50, 75, 100] })));
});

describe('the percentages in force', () => {
  it('are none until the first change, then the last change; the version counts the changes', () => {
    expect(escalationPercentsOf(escalationPercentsDecider.initialState())).toEqual([]);
    const state = fold(escalationPercentsDecider, [percentsChanged(), percentsChanged({ percents: [70], previous: [50, 80, 100] })]);
    expect(state.version).toBe(2);
    expect(escalationPercentsOf(state)).toEqual([70]);
  });

  it('stand for a policy: the first warns, each further one is an escalation level, level 2 on alerting the unit above', () => {
    expect(escalationPolicyOf([])).toBeNull();
    expect(escalationPolicyOf([50, 80, 100])).toEqual({
      warnAtPercent: 50,
      levels: [
        { level: 1, atPercent: 80, notify: 'UNIT_SUPERVISOR' },
        { level: 2, atPercent: 100, notify: 'PARENT_UNIT_SUPERVISOR' },
      ],
    });
  });
});
