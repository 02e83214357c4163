import { Inject, Injectable } from '@nestjs/common';
import { DATABASE, type Database } from '@collab/service-kit';
import type { ProcessScope } from '@collab/workflow-domain';
import type { ProcessViewRow } from '../process-view/process-view.table';

/** One line of GET /api/v1/processes. */
export interface ProcessListEntry {
  readonly processId: string;
  readonly name: string;
  readonly status: 'ACTIVE' | 'RETIRED';
  readonly latestVersion: number;
  readonly scope: ProcessScope;
  readonly changedAt: string;
}

/** Every process, from the read model (it follows the log a moment behind the commands). */
@Injectable()
export class ProcessList {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async all(): Promise<ProcessListEntry[]> {
    const { rows } = await this.database.pool.query<ProcessViewRow>(
      'select id, name, status, latest_version, latest, changed_at from workflow.process_view order by id',
    );
    return rows.map((row) => ({
      processId: row.id,
      name: row.name,
      status: row.status === 'active' ? 'ACTIVE' : 'RETIRED',
      latestVersion: row.latest_version,
      scope: row.latest.scope,
      changedAt: new Date(row.changed_at).toISOString(),
    }));
  }
}
