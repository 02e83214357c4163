import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable } from '@nestjs/common';
import type { Queryable, RecordedEvent } from '@collab/event-store';
import type { BatchTransaction } from '@collab/following';
import { DATABASE, type Database } from '@collab/service-kit';
import { WORKFLOW_CASE_EVENT_TYPES, agentStreamId, workflowCaseStreamId, type AgentCandidate, type WaitingCaseFacts, type WorkflowCaseEvent } from '@collab/workflow-domain';
import { CaseCommandHandler } from '../../cases/case-command-handler';
import { caseViewChange } from '../../cases/case-view/case-view.changes';
import type { CaseView } from '../../cases/case-view/case-view.entity';
import { FINISHED_CASE_SQL } from '../../cases/case-view/case-view.entity';
import { foldCaseView } from '../../cases/case-view/case-view.fold';
import { OrgStreams } from '../org-streams';
import { streamReadingTransaction } from '../../stream-reading-transaction';

export interface WaitingCase extends WaitingCaseFacts {
  readonly caseId: string;
  readonly queue: string;
}

/**
 * The queue's longest-waiting case, passing over some: served by the partial index
 * workflow.assignment_case_waiting, whose predicate this repeats word for word.
 */
export const LONGEST_WAITING_SQL = `select case_id, queue, request_type, category, language from workflow.assignment_case
  where queue = $1 and assignee is null and status not in ${FINISHED_CASE_SQL} and not (case_id::text = any($2::text[]))
  order by assigned_at, opened_at, case_id limit 1`;

/** Active agents serving the queue, each with the open cases they own on the board. */
export const AGENTS_OF_QUEUE_SQL = `select a.agent_id, a.skills, a.languages, a.capacity,
    (select count(*) from workflow.assignment_case c where c.assignee = a.agent_id and c.status not in ${FINISHED_CASE_SQL}) as load
  from workflow.assignment_agent a
  where a.active and a.queues @> array[$1::text]
  order by a.agent_id`;

/** The case-view columns assignment reads; the rest of a change is not its business. */
const BOARD_COLUMNS = { status: 'status', queue: 'queue', assignee: 'assignee', assignedAt: 'assigned_at' } as const;
type BoardField = keyof typeof BOARD_COLUMNS;
/** What the board needs of an event of a case's stream: recorded, or just appended by the manager. */
interface CaseStreamEvent {
  readonly type: string;
  readonly data: object;
  readonly streamVersion: number;
}
const CASE_EVENT_TYPES: ReadonlySet<string> = new Set(WORKFLOW_CASE_EVENT_TYPES);

interface WaitingRow {
  readonly case_id: string;
  readonly queue: string;
  readonly request_type: string;
  readonly category: string;
  readonly language: string;
}

interface AgentRow {
  readonly agent_id: string;
  readonly skills: string[];
  readonly languages: string[];
  readonly capacity: number;
  readonly load: string | number;
}

/**
 * What agent assignment decides from, kept by the assignment process manager itself as it follows
 * workflow's log (DESIGN §3: a process manager decides from a read model it owns, never by waiting
 * on another's). A case row changes exactly as the case view does (caseViewChange), guarded by the
 * case's stream version: an event the row already holds is skipped, so a replay from the checkpoint
 * changes nothing. After its own appends the manager refreshes the row from the case's stream, so
 * the agent's load counts the case just given before the log brings it back.
 */
@Injectable()
export class AssignmentBoard {
  /** The transaction of the batch in hand, when the manager runs its batches as one (see `transaction`). */
  private readonly batch = new AsyncLocalStorage<Queryable>();
  /**
   * Runs a batch of the manager's reactions in one transaction: every board change of the batch,
   * the case streams it reads, and the checkpoint, commit once. Undefined embedded, where the one connection may not be held
   * while the event store reads through it (docs/adr/0002).
   */
  readonly transaction: BatchTransaction | undefined;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly cases: CaseCommandHandler,
    private readonly directory: OrgStreams,
  ) {
    this.transaction = streamReadingTransaction(database, (client, work) => this.batch.run(client, work));
  }

  /** Applies one event of a case's stream; refreshes the row from the stream when it missed some. */
  async applyCase(event: CaseStreamEvent): Promise<void> {
    const domainEvent = { type: event.type, data: event.data } as WorkflowCaseEvent;
    const caseId = domainEvent.data.caseId;
    if (domainEvent.type === 'CaseRegistered') return this.save(foldCaseView([domainEvent]), 'if-new');
    const changes = caseViewChange(domainEvent);
    const fields = (Object.keys(BOARD_COLUMNS) as BoardField[]).filter((field) => field in changes);
    const values = fields.map((field) => changes[field]);
    const { rowCount } = await this.sql().query(
      `update workflow.assignment_case set version = $2${fields.map((field, index) => `, ${BOARD_COLUMNS[field]} = $${index + 3}`).join('')}
        where case_id = $1 and version = $2 - 1`,
      [caseId, event.streamVersion, ...values],
    );
    if (rowCount === 0 && (await this.versionOf(caseId)) < event.streamVersion) await this.refreshCase(caseId);
  }

  /** Sets the row to the fold of the case's whole stream (after this manager appended to it, or a gap). */
  async refreshCase(caseId: string): Promise<void> {
    const history = await this.cases.recorded(workflowCaseStreamId(caseId));
    const events = history.filter((recorded) => CASE_EVENT_TYPES.has(recorded.type));
    await this.save(foldCaseView(events.map((recorded) => ({ type: recorded.type, data: recorded.data }) as WorkflowCaseEvent)), 'if-newer');
  }

  /** Who owned the case just before this event of its stream; undefined when the board cannot tell. */
  async ownerBefore(event: RecordedEvent): Promise<{ known: boolean; owner?: string }> {
    const { rows } = await this.sql().query<{ assignee: string | null; version: number }>(
      'select assignee, version from workflow.assignment_case where case_id = $1',
      [String(event.data['caseId'])],
    );
    const [row] = rows;
    return row?.version === event.streamVersion - 1 ? { known: true, ...(row.assignee ? { owner: row.assignee } : {}) } : { known: false };
  }

  /** Sets the agent's row to their stream's state (agents change rarely: one read per change). */
  async refreshAgent(agentId: string): Promise<void> {
    const { state, version } = await this.directory.agents.load(agentStreamId(agentId));
    if (state.status === 'unenrolled') return;
    const { agent } = state;
    await this.sql().query(
      `insert into workflow.assignment_agent (agent_id, active, queues, skills, languages, capacity, version)
         values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (agent_id) do update set active = excluded.active, queues = excluded.queues, skills = excluded.skills,
         languages = excluded.languages, capacity = excluded.capacity, version = excluded.version
       where workflow.assignment_agent.version < excluded.version`,
      [agentId, state.status === 'active', agent.queues, agent.skills, agent.languages, agent.capacity, version],
    );
  }

  /** The case that has waited longest in the queue (since it was routed or transferred there), passing over some. */
  async longestWaiting(queue: string, passedOver: readonly string[]): Promise<WaitingCase | undefined> {
    const { rows } = await this.sql().query<WaitingRow>(LONGEST_WAITING_SQL, [queue, passedOver]);
    const [row] = rows;
    return row && { caseId: row.case_id, queue: row.queue, requestType: row.request_type, category: row.category, language: row.language };
  }

  /** Active agents serving the queue, each with the open cases they own. */
  async agentsOfQueue(queue: string): Promise<readonly AgentCandidate[]> {
    const { rows } = await this.sql().query<AgentRow>(AGENTS_OF_QUEUE_SQL, [queue]);
    return rows.map((row) => ({ id: row.agent_id, skills: row.skills, languages: row.languages, capacity: row.capacity, load: Number(row.load) }));
  }

  /** The events the manager just appended to a case, its stream at `version` after them: no need to read the stream back. */
  async applyAppended(caseId: string, events: readonly Omit<CaseStreamEvent, 'streamVersion'>[], version: number): Promise<void> {
    if (events.length === 0) return this.refreshCase(caseId);
    const first = version - events.length + 1;
    for (const [index, event] of events.entries()) await this.applyCase({ ...event, streamVersion: first + index });
  }

  private sql(): Queryable {
    return this.batch.getStore() ?? this.database.pool;
  }

  private async versionOf(caseId: string): Promise<number> {
    const { rows } = await this.sql().query<{ version: number }>('select version from workflow.assignment_case where case_id = $1', [caseId]);
    return rows[0]?.version ?? 0;
  }

  private async save(view: CaseView | undefined, when: 'if-new' | 'if-newer'): Promise<void> {
    if (!view) return;
    await this.sql().query(
      `insert into workflow.assignment_case (case_id, status, queue, assignee, assigned_at, opened_at, request_type, category, language, version)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       on conflict (case_id) do ${when === 'if-new' ? 'nothing' : `update set status = excluded.status, queue = excluded.queue,
         assignee = excluded.assignee, assigned_at = excluded.assigned_at, version = excluded.version
         where workflow.assignment_case.version < excluded.version`}`,
      [view.id, view.status, view.queue, view.assignee, view.assignedAt, view.openedAt, view.requestType, view.category, view.language, view.version],
    );
  }
}
