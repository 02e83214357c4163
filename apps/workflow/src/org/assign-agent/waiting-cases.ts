import { Inject, Injectable } from '@nestjs/common';
import { DATABASE, type Database } from '@collab/service-kit';
import type { WaitingCaseFacts } from '@collab/workflow-domain';
import { FINISHED_CASE_SQL } from '../../cases/case-view/case-view.entity';
import { ReadModelFence } from './read-model-fence';

export interface WaitingCase extends WaitingCaseFacts {
  readonly caseId: string;
  readonly queue: string;
}

interface WaitingRow {
  readonly id: string;
  readonly queue: string;
  readonly request_type: string;
  readonly category: string;
  readonly language: string;
}

/**
 * The queue's longest-waiting case, passing over some: served by the partial index
 * workflow.case_view_waiting (the queue's unowned open cases in waiting order), whose predicate
 * this repeats word for word, so it reads one index entry (a few, past those passed over).
 */
export const LONGEST_WAITING_SQL = `select id, queue, request_type, category, language from workflow.case_view
  where queue = $1 and assignee is null and status not in ${FINISHED_CASE_SQL} and not (id::text = any($2::text[]))
  order by assigned_at, opened_at, id limit 1`;

/** Cases in a queue without an owner, from workflow.case_view (owned by the cases feature; read only). */
@Injectable()
export class WaitingCases {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly fence: ReadModelFence,
  ) {}

  /**
   * The case that has waited longest in the queue (since it was routed or transferred there),
   * passing over some, once the views have applied the log up to `seenUpTo`, so the agents'
   * loads read next are as current as that too.
   */
  async longestWaiting(
    queue: string,
    { passedOver, seenUpTo }: { passedOver: readonly string[]; seenUpTo: bigint },
  ): Promise<WaitingCase | undefined> {
    await this.fence.seen(seenUpTo);
    const { rows } = await this.database.pool.query<WaitingRow>(LONGEST_WAITING_SQL, [queue, passedOver]);
    const [row] = rows;
    return (
      row && {
        caseId: row.id,
        queue: row.queue,
        requestType: row.request_type,
        category: row.category,
        language: row.language,
      }
    );
  }
}
