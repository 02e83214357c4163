import { Inject, Injectable } from '@nestjs/common';
import { BriefMemory, DATABASE, type Database } from '@collab/service-kit';
import type { CatalogueEntry, PublishedProcess } from '@collab/workflow-domain';

interface WorkflowProcessRow {
  readonly latest: PublishedProcess;
  readonly active: boolean;
}

/**
 * Workflow's process catalogue as intake learned it from workflow's events
 * (WorkflowProcessesConsumer): what the acknowledgement chooses the case's process among, exactly
 * as workflow chooses among its own (caseStartFor).
 */
@Injectable()
export class WorkflowProcessCatalogue {
  // Each contact's acknowledgement chooses among them; they change only when workflow publishes or retires one.
  private readonly active = new BriefMemory<'active', CatalogueEntry[]>();

  constructor(@Inject(DATABASE) private readonly database: Database) {}

  entries(): Promise<CatalogueEntry[]> {
    return this.active.lookUp('active', async () => {
      const { rows } = await this.database.pool.query<WorkflowProcessRow>('select latest, active from intake.workflow_process where active');
      return rows.map((row) => ({ latest: row.latest, active: row.active }));
    });
  }

  /** Workflow's event was applied here: the next acknowledgement chooses from the new list. */
  changed(): void {
    this.active.forget();
  }
}
