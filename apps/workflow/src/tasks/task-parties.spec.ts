import { TaskParties, type CallerUnits } from './task-parties';

const task = { fromId: 'complaints', targetId: 'billing' };
// Who sees a task is the task scope policy's (task-scope.spec.ts in @collab/domain-kernel); here, whom a caller acts for.
const caller = (party: string | undefined, ids: string[], allSeeing = false): CallerUnits => ({
  party,
  ids,
  scope: allSeeing ? { reach: 'all' } : { reach: 'sides', held: ids, asked: ids, partOf: ids },
});

describe('the sides of a collaboration task', () => {
  it('acts for the side the caller works for, else for its own party (which the decider refuses)', () => {
    expect(TaskParties.actingUnit(caller('billing', ['billing']), task)).toBe('billing');
    expect(TaskParties.actingUnit(caller('front-line', ['front-line', 'complaints']), task)).toBe(
      'complaints',
    );
    expect(TaskParties.actingUnit(caller('network', ['network'], true), task)).toBe('network');
    expect(TaskParties.actingUnit(caller(undefined, [], true), task)).toBe('');
  });
});
