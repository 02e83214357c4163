import { holds, holdsAny, type PolicySubject } from './access-policy';

/**
 * Which collaboration tasks (协同单) a caller may read: the one rule REST and gRPC, lists and
 * single tasks, reads and commands all apply. A task has two sides: the unit (or queue) that
 * asked for it and the unit, queue or partner that holds it. A unit "takes part in" a case when
 * it holds or asked one of the case's tasks; it then reads the case's whole chain of tasks.
 *
 * | caller                          | reads the tasks…                                                                   |
 * |---------------------------------|------------------------------------------------------------------------------------|
 * | auditor, admin                  | all of them                                                                        |
 * | supervisor (`manager`)          | held or asked anywhere in their unit's subtree, and of every case the subtree takes part in |
 * | other staff (`staff`)           | held or asked by their unit (and its queues), held under it, and of every case their unit takes part in |
 * | partner staff (`partner-staff`) | held or asked by their partner, and no others on the same case                     |
 * | anyone else                     | none                                                                               |
 */
export type TaskScope =
  | { readonly reach: 'all' }
  | {
      readonly reach: 'sides';
      readonly held: readonly string[];
      readonly asked: readonly string[];
      /** A case on which one of these holds or asked a task shows all of its tasks. */
      readonly partOf: readonly string[];
    };

/** Where the caller sits: their own party (a partner, or a unit with its queues) and the units and queues under that unit. */
export interface TaskStanding {
  readonly own: readonly string[];
  readonly below: readonly string[];
}

export interface ScopedTask {
  readonly fromId: string;
  readonly targetId: string;
}

const NOTHING: TaskScope = { reach: 'sides', held: [], asked: [], partOf: [] };

export const taskScopeOf = (subject: PolicySubject, { own, below }: TaskStanding): TaskScope => {
  if (holdsAny(subject, ['auditor', 'admin'])) return { reach: 'all' };
  const subtree = [...own, ...below];
  if (holds(subject, 'manager')) return { reach: 'sides', held: subtree, asked: subtree, partOf: subtree };
  if (holds(subject, 'staff')) return { reach: 'sides', held: subtree, asked: own, partOf: own };
  if (holds(subject, 'partner-staff')) return { reach: 'sides', held: own, asked: own, partOf: [] };
  return NOTHING;
};

/** Whether the scope reaches below the caller's own unit, so the hierarchy must be looked up. */
export const scopeLooksBelow = (subject: PolicySubject): boolean =>
  !holdsAny(subject, ['auditor', 'admin']) && holds(subject, 'staff');

/** Whether the scope names nobody: such a caller reads no task at all. */
export const scopeIsEmpty = (scope: TaskScope): boolean =>
  scope.reach === 'sides' && scope.held.length + scope.asked.length + scope.partOf.length === 0;

/** The task by its own sides, without looking at the rest of its case. */
export const scopeCoversSides = (scope: TaskScope, task: ScopedTask): boolean =>
  scope.reach === 'all' || scope.held.includes(task.targetId) || scope.asked.includes(task.fromId);

/** The task, given every task of its case (itself included): its own sides, or the caller's part in the case. */
export const scopeCovers = (scope: TaskScope, task: ScopedTask, caseTasks: readonly ScopedTask[]): boolean =>
  scopeCoversSides(scope, task) ||
  (scope.reach === 'sides' && caseTasks.some((other) => scope.partOf.includes(other.targetId) || scope.partOf.includes(other.fromId)));
