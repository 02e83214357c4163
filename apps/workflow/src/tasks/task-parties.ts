import { Inject, Injectable } from '@nestjs/common';
import { scopeLooksBelow, taskScopeOf, type TaskScope } from '@collab/domain-kernel';
import type { Principal } from '@collab/service-kit';
import { ORG_LOOKUP, type OrgLookup } from '../workflow.ports';

/** The two sides of a task: the asking unit (a unit, or the queue of the case it asked from) and the target. */
export interface TaskSides {
  readonly fromId: string;
  readonly targetId: string;
}

/** Whom a caller acts for in the task world: the partner or unit in their token, and that unit's queues. */
export interface CallerUnits {
  /** `principal.partner ?? principal.unit`; undefined for a caller who works for no unit. */
  readonly party: string | undefined;
  /** The party and, for a unit, the queues it owns: a case asks from its queue, so the queue's unit asked. */
  readonly ids: readonly string[];
  /** Which tasks the caller may read: the task scope policy (@collab/domain-kernel task-scope.ts). */
  readonly scope: TaskScope;
}

/**
 * Who may see a task and which side a caller acts for. What a caller sees is the task scope
 * policy, fed with where the caller sits in the org directory; a task outside it is not found.
 */
@Injectable()
export class TaskParties {
  constructor(@Inject(ORG_LOOKUP) private readonly org: OrgLookup) {}

  async of(principal: Principal): Promise<CallerUnits> {
    const party = principal.partner ?? principal.unit;
    const queues =
      party === undefined || principal.partner !== undefined ? [] : await this.org.queuesOfUnit(party);
    const ids = party === undefined ? [] : [party, ...queues];
    const below = principal.partner === undefined && principal.unit !== undefined && scopeLooksBelow(principal) ? await this.org.below(principal.unit) : [];
    return { party, ids, scope: taskScopeOf(principal, { own: ids, below }) };
  }

  static isParty(caller: CallerUnits, task: TaskSides): boolean {
    return caller.ids.includes(task.targetId) || caller.ids.includes(task.fromId);
  }

  /**
   * The `byUnit` a task command carries: the target when the caller works for it, else the asking
   * unit (or queue) when the caller's unit asked, else the caller's own party — which the task
   * decider then refuses (Forbidden), as it refuses anyone who is neither side.
   */
  static actingUnit(caller: CallerUnits, task: TaskSides): string {
    if (caller.ids.includes(task.targetId)) return task.targetId;
    if (caller.ids.includes(task.fromId)) return task.fromId;
    return caller.party ?? '';
  }
}
