import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, type Repository } from 'typeorm';
import { OPEN_TASK_STATUSES } from '@collab/domain-kernel';
import type { Principal } from '@collab/service-kit';
import { CaseView } from '../../cases/case-view/case-view.entity';
import { TaskView } from '../../tasks/task-view/task-view.entity';
import { ORG_LOOKUP, type OrgLookup } from '../../workflow.ports';

const OPEN_CASE = ['ASSIGNED', 'IN_PROGRESS'];
/** A desk shows this much of each kind at most; the rest waits behind it. */
export const DESK_LIMIT = 200;

/** The open cases and tasks that are a caller's to act on, before they are ranked. */
@Injectable()
export class DeskWork {
  constructor(
    @InjectRepository(CaseView) private readonly cases: Repository<CaseView>,
    @InjectRepository(TaskView) private readonly tasks: Repository<TaskView>,
    @Inject(ORG_LOOKUP) private readonly org: OrgLookup,
  ) {}

  async of(principal: Principal): Promise<{ cases: CaseView[]; openTasks: ReadonlyMap<string, number>; tasks: TaskView[]; outgoing: TaskView[] }> {
    const party = principal.partner ?? principal.unit;
    // A case asks for help from its queue, and a unit's staff work what waits in the unit's queues.
    const queues = principal.partner === undefined && party !== undefined ? await this.org.queuesOfUnit(party) : [];
    const [cases, tasks, asked] = await Promise.all([this.casesOf(principal, queues), this.tasksOf(party, queues), this.outgoingOf(principal)]);
    const addressed = new Set(tasks.map((task) => task.id));
    return { cases, openTasks: await this.openTasksOf(cases), tasks, outgoing: asked.filter((task) => !addressed.has(task.id)) };
  }

  /** How many tasks each case has open as its chain keeps them (case-chain.ts openTasksOf): its COLLABORATING. */
  private async openTasksOf(cases: readonly CaseView[]): Promise<ReadonlyMap<string, number>> {
    if (cases.length === 0) return new Map();
    const rows = await this.cases.manager.query<{ case_id: string; open: number }[]>(
      `select case_id, count(*)::int as open from workflow.case_task_link where case_id = any($1::uuid[]) and closed_at is null group by case_id`,
      [cases.map((view) => view.id)],
    );
    return new Map(rows.map((row) => [row.case_id, row.open]));
  }

  /** The open tasks the person asked for: the requester watches them until they come back. */
  private outgoingOf(principal: Principal): Promise<TaskView[]> {
    return this.tasks.find({ where: { requestedBy: principal.subject, status: In([...OPEN_TASK_STATUSES]) }, order: { requestedAt: 'ASC' }, take: DESK_LIMIT });
  }

  /** Open cases the person owns, and cases without an owner waiting in their unit's queues; partners own no cases. */
  private casesOf(principal: Principal, queues: readonly string[]): Promise<CaseView[]> {
    if (principal.partner !== undefined) return Promise.resolve([]);
    const mineOrWaiting = new Brackets((mine) => {
      mine.where('c.assignee = :subject', { subject: principal.subject });
      if (queues.length > 0) mine.orWhere(new Brackets((waiting) => waiting.where('c.assignee IS NULL').andWhere('c.queue IN (:...queues)', { queues })));
    });
    return this.cases
      .createQueryBuilder('c')
      .where('c.status IN (:...open)', { open: OPEN_CASE })
      .andWhere(mineOrWaiting)
      .orderBy('c.openedAt', 'ASC')
      .limit(DESK_LIMIT)
      .getMany();
  }

  private tasksOf(party: string | undefined, queues: readonly string[]): Promise<TaskView[]> {
    if (party === undefined) return Promise.resolve([]);
    return this.tasks.find({ where: { targetId: In([party, ...queues]), status: In([...OPEN_TASK_STATUSES]) }, order: { requestedAt: 'ASC' }, take: DESK_LIMIT });
  }
}
