import { TaskParties, type CallerUnits } from './task-parties';

const task = { fromUnit: 'complaints', targetId: 'billing' };
const caller = (party: string | undefined, ids: string[], internalStaff = false): CallerUnits => ({
  party,
  ids,
  internalStaff,
});

describe('the sides of a collaboration task', () => {
  it('lets the target and the asking unit (through the queue it owns) see it, and internal staff too', () => {
    expect(TaskParties.canSee(caller('billing', ['billing']), task)).toBe(true);
    expect(TaskParties.canSee(caller('front-line', ['front-line', 'complaints']), task)).toBe(true);
    expect(TaskParties.canSee(caller(undefined, [], true), task)).toBe(true);
    expect(TaskParties.canSee(caller('reseller-a', ['reseller-a']), task)).toBe(false);
    expect(TaskParties.canSee(caller(undefined, []), task)).toBe(false);
  });

  it('acts for the side the caller works for, else for its own party (which the decider refuses)', () => {
    expect(TaskParties.actingUnit(caller('billing', ['billing']), task)).toBe('billing');
    expect(TaskParties.actingUnit(caller('front-line', ['front-line', 'complaints']), task)).toBe(
      'complaints',
    );
    expect(TaskParties.actingUnit(caller('network', ['network'], true), task)).toBe('network');
    expect(TaskParties.actingUnit(caller(undefined, [], true), task)).toBe('');
  });
});
