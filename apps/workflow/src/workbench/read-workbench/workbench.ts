import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, pageInOrder, type Clock, type PageInfo, type PageRequest, type Principal } from '@collab/service-kit';
import { CaseFacts, type CaseFact } from '../../cases/case-facts';
import { type CaseView, shownStatusOf } from '../../cases/case-view/case-view.entity';
import type { TaskView } from '../../tasks/task-view/task-view.entity';
import { DeskWork } from './desk-work';
import { WorkCountdowns } from './work-countdowns';
import { bySlaRisk, type WorkItem } from './work-item';

export interface WorkbenchAnswer {
  readonly items: readonly WorkItem[];
  readonly page: PageInfo;
  /** `tasks` are those addressed to the caller's unit or partner; `outgoing` those the caller asked for. */
  readonly counts: { readonly cases: number; readonly tasks: number; readonly outgoing: number; readonly overdue: number; readonly warned: number };
  readonly asOf: string;
}

/**
 * 统一工作桌面: one desk for agents, department staff and partner staff. A person's own cases, the
 * cases waiting in their unit's queues, the collaboration tasks addressed to their unit or partner
 * and those they asked for, most at risk first, each with its countdown in business time on the
 * clock's own calendar (as the SLA timers count it).
 */
@Injectable()
export class Workbench {
  constructor(
    private readonly desk: DeskWork,
    private readonly cases: CaseFacts,
    private readonly countdowns: WorkCountdowns,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async of(principal: Principal, request: PageRequest): Promise<WorkbenchAnswer> {
    const now = this.clock.now();
    const { cases, openTasks, tasks, outgoing } = await this.desk.of(principal);
    const facts = await this.cases.of([...cases.map((view) => view.id), ...tasks.map((view) => view.caseId), ...outgoing.map((view) => view.caseId)]);
    const countdown = await this.countdowns.of(cases, [...tasks, ...outgoing], facts, now);
    const items = [
      ...cases.map((view) => this.caseItem(view, { principal, facts, openTasks }, countdown.ofCase(view))),
      ...tasks.map((view) => this.taskItem(view, 'ADDRESSED_TO_UNIT', facts, countdown.ofTask(view))),
      ...outgoing.map((view) => this.taskItem(view, 'REQUESTED_BY_ME', facts, countdown.ofTask(view))),
    ].sort(bySlaRisk);
    // The order moves with the clock, so the cursor names an item, not a key of the order.
    const page = pageInOrder(items, request, (item) => `${item.kind}|${item.id}`);
    return { ...page, counts: countsOf(items), asOf: now.toISOString() };
  }

  private caseItem(
    view: CaseView,
    { principal, facts, openTasks }: { principal: Principal; facts: ReadonlyMap<string, CaseFact>; openTasks: ReadonlyMap<string, number> },
    countdown: WorkItem['countdown'],
  ): WorkItem {
    return {
      kind: 'CASE',
      id: view.id,
      caseId: view.id,
      caseNumber: facts.get(view.id)?.caseNumber ?? null,
      why: view.assignee === principal.subject ? 'OWNER' : 'UNIT_QUEUE',
      status: shownStatusOf(view, openTasks.get(view.id) ?? 0),
      title: view.subject,
      priority: view.priority,
      urgeCount: null,
      queueOrUnit: view.queue ?? '',
      since: (view.assignedAt ?? view.openedAt).toISOString(),
      countdown,
    };
  }

  private taskItem(view: TaskView, why: 'ADDRESSED_TO_UNIT' | 'REQUESTED_BY_ME', facts: ReadonlyMap<string, CaseFact>, countdown: WorkItem['countdown']): WorkItem {
    const fact = facts.get(view.caseId);
    return {
      kind: 'TASK',
      id: view.id,
      caseId: view.caseId,
      caseNumber: fact?.caseNumber ?? null,
      why,
      status: view.status,
      title: view.reason,
      priority: fact?.priority ?? null,
      urgeCount: view.urgeCount,
      queueOrUnit: view.targetId,
      since: view.requestedAt.toISOString(),
      countdown,
    };
  }
}

const countsOf = (items: readonly WorkItem[]): WorkbenchAnswer['counts'] => ({
  cases: items.filter((item) => item.kind === 'CASE').length,
  tasks: items.filter((item) => item.why === 'ADDRESSED_TO_UNIT').length,
  outgoing: items.filter((item) => item.why === 'REQUESTED_BY_ME').length,
  overdue: items.filter((item) => (item.countdown?.secondsToDue ?? 0) < 0).length,
  warned: items.filter((item) => item.countdown?.status === 'WARNED').length,
});
