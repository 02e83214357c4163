import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@collab/event-store';
import { BriefMemory, DATABASE, EVENT_STORE, type CommandHandler, type Database } from '@collab/service-kit';
import { processCommandHandler } from './process-commands';
import {
  PROCESS_ID_PATTERN,
  processFor,
  processStreamId,
  type CatalogueEntry,
  type ProcessCommand,
  type ProcessDecisionContext,
  type ProcessEvent,
  type ProcessState,
  type PublishedProcess,
  type RoutingFacts,
} from '@collab/workflow-domain';
import type { ProcessCatalogue } from '../workflow.ports';
import { type ProcessViewRow } from './process-view/process-view.table';

/**
 * The published processes (PROCESS_CATALOGUE). Choosing a process for a new case reads the list's
 * read model, which follows the log a moment behind: a case opened in the same moment a version
 * is published starts on the version before, which it then keeps like any other. An exact version
 * is read from the process's own stream, where it never changes.
 */
@Injectable()
export class PublishedProcesses implements ProcessCatalogue {
  private readonly processes: CommandHandler<ProcessCommand, ProcessEvent, ProcessState, ProcessDecisionContext>;
  // Every new case chooses among the active processes; the list changes only when one is published or retired.
  private readonly active = new BriefMemory<'active', CatalogueEntry[]>();

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(DATABASE) private readonly database: Database,
  ) {
    this.processes = processCommandHandler(store);
  }

  async processFor(facts: RoutingFacts): Promise<PublishedProcess> {
    return processFor(facts, await this.entries());
  }

  entries(): Promise<CatalogueEntry[]> {
    return this.active.lookUp('active', async () => {
      const { rows } = await this.database.pool.query<Pick<ProcessViewRow, 'status' | 'latest'>>(
        "select status, latest from workflow.process_view where status = 'active'",
      );
      return rows.map((row) => ({ latest: row.latest, active: row.status === 'active' }));
    });
  }

  /** A publication or retirement was projected here: the next case chooses from the new list. */
  changed(): void {
    this.active.forget();
  }

  async version(processId: string, version: number): Promise<PublishedProcess | undefined> {
    const state = await this.load(processId);
    return state.status === 'none'
      ? undefined
      : state.versions.find((published) => published.version === version);
  }

  /** The process with every version, folded from its stream now. */
  async load(processId: string): Promise<ProcessState> {
    if (!PROCESS_ID_PATTERN.test(processId)) return { status: 'none' };
    return (await this.processes.load(processStreamId(processId))).state;
  }
}
