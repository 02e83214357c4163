import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, type Principal } from '@collab/service-kit';
import { CaseFacts } from '../../cases/case-facts';
import type { CaseView } from '../../cases/case-view/case-view.entity';
import { SlaClocks, type SlaClockReading } from '../../sla/sla.providers';
import type { TaskView } from '../../tasks/task-view/task-view.entity';
import { DeskWork } from './desk-work';
import { bySlaRisk, countdownToDue, mostUrgentClock, type WorkItem } from './work-item';


export interface WorkbenchAnswer {
  readonly items: readonly WorkItem[];
  readonly counts: { readonly cases: number; readonly tasks: number; readonly overdue: number; readonly warned: number };
  readonly asOf: string;
}

const clocksBy = (clocks: readonly SlaClockReading[], key: (clock: SlaClockReading) => string | null): Map<string, SlaClockReading[]> => {
  const grouped = new Map<string, SlaClockReading[]>();
  for (const clock of clocks) {
    const id = key(clock);
    if (id !== null) grouped.set(id, [...(grouped.get(id) ?? []), clock]);
  }
  return grouped;
};

/**
 * 统一工作桌面: one desk for agents, department staff and partner staff. A person's own cases, the
 * cases waiting in their unit's queues, and the collaboration tasks addressed to their unit or
 * partner, most at risk first, each with its countdown.
 */
@Injectable()
export class Workbench {
  constructor(
    private readonly desk: DeskWork,
    private readonly cases: CaseFacts,
    private readonly clocks: SlaClocks,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async of(principal: Principal): Promise<WorkbenchAnswer> {
    const now = this.clock.now();
    const { cases, tasks } = await this.desk.of(principal);
    const [caseClocks, taskClocks, facts] = await Promise.all([
      this.clocks.forCases(cases.map((view) => view.id), now),
      this.clocks.forTasks(tasks.map((view) => view.id), now),
      this.cases.of([...cases.map((view) => view.id), ...tasks.map((view) => view.caseId)]),
    ]);
    const numbers = new Map([...facts].map(([caseId, fact]) => [caseId, fact.caseNumber]));
    const ofCase = clocksBy(caseClocks, (reading) => (reading.taskId === null ? reading.caseId : null));
    const ofTask = clocksBy(taskClocks, (reading) => reading.taskId);
    const items = [
      ...cases.map((view) => this.caseItem(view, principal, numbers, mostUrgentClock(ofCase.get(view.id) ?? [], now) ?? countdownToDue(view.openedAt, view.resolutionDueAt, now))),
      ...tasks.map((view) => this.taskItem(view, numbers, mostUrgentClock(ofTask.get(view.id) ?? [], now) ?? countdownToDue(view.requestedAt, view.completeDueAt, now))),
    ].sort(bySlaRisk);
    return { items, counts: countsOf(items), asOf: now.toISOString() };
  }

  private caseItem(view: CaseView, principal: Principal, numbers: ReadonlyMap<string, string | null>, countdown: WorkItem['countdown']): WorkItem {
    return {
      kind: 'CASE',
      id: view.id,
      caseId: view.id,
      caseNumber: numbers.get(view.id) ?? null,
      why: view.assignee === principal.subject ? 'OWNER' : 'UNIT_QUEUE',
      status: view.status,
      title: view.subject,
      priority: view.priority,
      queueOrUnit: view.queue ?? '',
      since: (view.assignedAt ?? view.openedAt).toISOString(),
      countdown,
    };
  }

  private taskItem(view: TaskView, numbers: ReadonlyMap<string, string | null>, countdown: WorkItem['countdown']): WorkItem {
    return {
      kind: 'TASK',
      id: view.id,
      caseId: view.caseId,
      caseNumber: numbers.get(view.caseId) ?? null,
      why: 'ADDRESSED_TO_UNIT',
      status: view.status,
      title: view.reason,
      priority: null,
      queueOrUnit: view.targetId,
      since: view.requestedAt.toISOString(),
      countdown,
    };
  }
}

const countsOf = (items: readonly WorkItem[]): WorkbenchAnswer['counts'] => ({
  cases: items.filter((item) => item.kind === 'CASE').length,
  tasks: items.filter((item) => item.kind === 'TASK').length,
  overdue: items.filter((item) => (item.countdown?.secondsToDue ?? 0) < 0).length,
  warned: items.filter((item) => item.countdown?.status === 'WARNED').length,
});
