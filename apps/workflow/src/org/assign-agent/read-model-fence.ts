import { Inject, Injectable } from '@nestjs/common';
import { DATABASE, type Database } from '@collab/service-kit';
import { CaseViewProjection } from '../../cases/case-view/case-view.projection';
import { OrgViewProjection } from '../org-view/org-view.projection';

const POLL_MS = 10;
const PATIENCE_MS = 30_000;

/**
 * Waits until the read models assignment reads (the case view: who owns what, what waits where;
 * the org view: who serves which queue) have applied workflow's log at least up to a position.
 * Deciding on a view behind the log would count an agent's load without the case just given to
 * them, and give them one too many. A view ahead of the position is fine: it is only more current.
 */
@Injectable()
export class ReadModelFence {
  private readonly names: readonly string[];

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    caseView: CaseViewProjection,
    orgView: OrgViewProjection,
  ) {
    this.names = [caseView.name, orgView.name];
  }

  async seen(position: bigint): Promise<void> {
    const deadline = Date.now() + PATIENCE_MS;
    while (!(await this.reached(position))) {
      // A throw stops the batch; the log follower resumes from its checkpoint after a backoff.
      if (Date.now() > deadline)
        throw new Error(`the case and org views did not reach position ${position} within ${PATIENCE_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private async reached(position: bigint): Promise<boolean> {
    const { rows } = await this.database.pool.query<{ position: string }>(
      'select position from workflow.checkpoints where name = any($1::text[])',
      [this.names],
    );
    return rows.length === this.names.length && rows.every((row) => BigInt(row.position) >= position);
  }
}
