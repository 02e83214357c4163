import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, DATABASE, pageOf, type Clock, type Database, type PageInfo, type PageRequest, type Principal } from '@collab/service-kit';
import { FINISHED_CASE_SQL } from '../../cases/case-view/case-view.entity';

/** A queue where cases wait and no active agent works: nothing will pick them up until someone acts. */
export interface UnattendedQueue {
  readonly queue: string;
  /** The unit owning the queue; null when the directory has no such queue (a case routed before queues were checked). */
  readonly unitId: string | null;
  readonly waiting: number;
  /** When the longest-waiting case came to the queue. */
  readonly waitingSince: string;
  /** The waiting cases, longest-waiting first, at most CASES_SHOWN of them. */
  readonly caseIds: readonly string[];
}

export interface UnattendedQueuesAnswer {
  readonly items: readonly UnattendedQueue[];
  readonly page: PageInfo;
  /** Every case waiting in those queues, on every page. */
  readonly waitingCases: number;
  readonly asOf: string;
}

const CASES_SHOWN = 50;

interface UnattendedRow {
  readonly queue: string;
  readonly unit_id: string | null;
  readonly waiting: string;
  readonly waiting_since: Date;
  readonly case_ids: string[];
}

/**
 * Open cases without an owner, grouped by queue, where no active agent lists the queue: the
 * assigner gives a case only to an agent of its queue, so these wait until a supervisor enrols
 * someone, transfers them or assigns them by hand. A queue missing from the directory counts too.
 * `$1` null: every queue (an administrator, or a supervisor over no unit); else that unit's.
 */
export const UNATTENDED_QUEUES_SQL = `select c.queue, q.unit_id, count(*) as waiting,
    min(coalesce(c.assigned_at, c.opened_at)) as waiting_since,
    (array_agg(c.id::text order by c.assigned_at, c.opened_at, c.id))[1:${CASES_SHOWN}] as case_ids
  from workflow.case_view c
  left join workflow.org_queue q on q.id = c.queue
  where c.queue is not null and c.assignee is null and c.status not in ${FINISHED_CASE_SQL}
    and ($1::text is null or q.unit_id = $1)
    and not exists (select 1 from workflow.org_agent a where a.active and a.queues @> array[c.queue])
  group by c.queue, q.unit_id
  order by waiting_since, c.queue`;

/** Reads workflow.case_view and the org view (read only) for the supervisors' unattended-queue list. */
@Injectable()
export class UnattendedQueues {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async of(principal: Principal, request: PageRequest): Promise<UnattendedQueuesAnswer> {
    const unit = principal.roles.includes('admin') ? null : (principal.unit ?? null);
    const { rows } = await this.database.pool.query<UnattendedRow>(UNATTENDED_QUEUES_SQL, [unit]);
    const queues = rows.map((row) => ({
      queue: row.queue,
      unitId: row.unit_id,
      waiting: Number(row.waiting),
      waitingSince: new Date(row.waiting_since).toISOString(),
      caseIds: row.case_ids,
    }));
    // ISO instants of one form sort as they happened: the key keeps the SQL's order.
    return {
      ...pageOf(queues, request, (queue) => `${queue.waitingSince}|${queue.queue}`),
      waitingCases: queues.reduce((sum, queue) => sum + queue.waiting, 0),
      asOf: this.clock.now().toISOString(),
    };
  }
}
