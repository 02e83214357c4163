import { Conflict, ValidationFailed, fold, specFor } from '@collab/domain-kernel';
import { systemParameterDecider, valueOf } from './system-parameters.decider';
import type { ChangeSystemParameter, SystemParameterChanged } from './system-parameters.events';
import type { SystemParameterValues } from './system-parameters';

const now = new Date('2026-12-07T02:00:00.000Z');
const admin = { id: 'admin-wang', kind: 'user' } as const;
const configured: SystemParameterValues = { joinWindowMinutes: 1440, autoCloseMinutes: 4320, reopenWindowMinutes: 10_080, pingPongMaxBounces: 2 };
const spec = specFor(systemParameterDecider, { now, configured });

const changeParameter = (overrides: Partial<ChangeSystemParameter> = {}): ChangeSystemParameter => ({
  type: 'ChangeSystemParameter', name: 'reopenWindowMinutes', value: 60, expectedVersion: 0, actor: admin, reason: null, ...overrides,
});
const parameterChanged = (overrides: Partial<SystemParameterChanged['data']> = {}): SystemParameterChanged => ({
  type: 'SystemParameterChanged',
  data: { name: 'reopenWindowMinutes', value: 60, previous: 10_080, actor: admin, reason: null, changedAt: now.toISOString(), ...overrides },
});

describe('changing a system parameter', () => {
  it('records the new value beside the configured one it replaces', () =>
    spec.given().when(changeParameter({ reason: '投诉处理规定 2026-12' })).then(parameterChanged({ reason: '投诉处理规定 2026-12' })));

  it('names the value changed before as the previous one', () =>
    spec.given(parameterChanged()).when(changeParameter({ value: 120, expectedVersion: 1 })).then(parameterChanged({ value: 120, previous: 60 })));

  it('records nothing when the value is already in force', () =>
    spec.given(parameterChanged()).when(changeParameter({ expectedVersion: 1 })).then());

  it('is refused when another change came first (optimistic concurrency)', () =>
    spec.given(parameterChanged()).when(changeParameter({ value: 90, expectedVersion: 0 })).thenThrows(Conflict));

  it.each<[string, Partial<ChangeSystemParameter>]>([
    ['a join window longer than 30 days', { name: 'joinWindowMinutes', value: 43_201 }],
    ['a negative join window', { name: 'joinWindowMinutes', value: -1 }],
    ['an auto-close period of none', { name: 'autoCloseMinutes', value: 0 }],
    ['a reopen window of a fraction of a minute', { value: 1.5 }],
    ['a ping-pong limit past 50', { name: 'pingPongMaxBounces', value: 51 }],
  ])('is refused with %s, naming the field value', (_, overrides) => {
    try {
      systemParameterDecider.decide(changeParameter(overrides), systemParameterDecider.initialState(), { now, configured });
      throw new Error('expected ValidationFailed');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).errors.map((e) => e.field)).toEqual(['value']);
    }
  });

  it('is refused with a blank reason', () => spec.given().when(changeParameter({ reason: '  ' })).thenThrows(ValidationFailed));

  it('allows the bounds themselves (a join window of 0 joins nothing)', () =>
    spec.given().when(changeParameter({ name: 'joinWindowMinutes', value: 0 })).then(parameterChanged({ name: 'joinWindowMinutes', value: 0, previous: 1440 })));
});

describe('the value in force', () => {
  it('is the configured one until the first change', () =>
    expect(valueOf('reopenWindowMinutes', systemParameterDecider.initialState(), configured)).toBe(10_080));

  it('is the last change; the version counts the changes', () => {
    const state = fold(systemParameterDecider, [parameterChanged(), parameterChanged({ value: 30, previous: 60 })]);
    expect(state.version).toBe(2);
    expect(valueOf('reopenWindowMinutes', state, configured)).toBe(30);
  });
});
