import { scopeCovers, taskScopeOf, type ScopedTask } from './task-scope';

const internal = (...roles: string[]) => ({ audience: 'INTERNAL' as const, roles });
const partnerAgent = { audience: 'PARTNER' as const, roles: ['partner-agent'] };

// group → billing (queue billing), network; front-line (queue complaints) asks.
const billingTask: ScopedTask = { fromId: 'complaints', targetId: 'billing' };
const partnerTask: ScopedTask = { fromId: 'complaints', targetId: 'reseller-gd' };
const networkChild: ScopedTask = { fromId: 'billing', targetId: 'network' };
const cityTask: ScopedTask = { fromId: 'complaints', targetId: 'billing-sz' };

const standing = (own: string[], below: string[] = []) => ({ own, below });

describe('the task scope policy', () => {
  it.each<[string, ReturnType<typeof taskScopeOf>, ScopedTask, ScopedTask[], boolean]>([
    ['a network clerk does not read billing’s task', taskScopeOf(internal('back-office'), standing(['network'])), billingTask, [billingTask], false],
    ['a network clerk does not read a partner’s task', taskScopeOf(internal('back-office'), standing(['network'])), partnerTask, [partnerTask], false],
    ['a billing clerk reads the task billing holds', taskScopeOf(internal('back-office'), standing(['billing'])), billingTask, [billingTask], true],
    ['a front-line agent reads what its queue asked for', taskScopeOf(internal('agent'), standing(['front-line', 'complaints'])), partnerTask, [partnerTask], true],
    ['a network clerk reads the chain of a case network takes part in', taskScopeOf(internal('back-office'), standing(['network'])), billingTask, [billingTask, networkChild], true],
    ['a billing clerk reads a task held under billing', taskScopeOf(internal('back-office'), standing(['billing'], ['billing-sz'])), cityTask, [cityTask], true],
    ['a clerk of the group does not read what a unit under it asked a partner', taskScopeOf(internal('back-office'), standing(['group'], ['front-line', 'complaints'])), partnerTask, [partnerTask], false],
    ['a supervisor of the group does', taskScopeOf(internal('supervisor'), standing(['group'], ['front-line', 'complaints'])), partnerTask, [partnerTask], true],
    ['billing’s supervisor reads billing’s task', taskScopeOf(internal('supervisor'), standing(['billing'])), billingTask, [billingTask], true],
    ['an auditor reads every task', taskScopeOf(internal('auditor'), standing([])), partnerTask, [partnerTask], true],
    ['a partner reads its own task', taskScopeOf(partnerAgent, standing(['reseller-gd'])), partnerTask, [partnerTask, billingTask], true],
    ['a partner does not read the other tasks of its case', taskScopeOf(partnerAgent, standing(['reseller-gd'])), billingTask, [partnerTask, billingTask], false],
    ['an unknown role reads nothing', taskScopeOf(internal('wizard'), standing(['billing'])), billingTask, [billingTask], false],
  ])('%s', (...[, scope, task, caseTasks, covered]) => {
    expect(scopeCovers(scope, task, caseTasks)).toBe(covered);
  });
});
