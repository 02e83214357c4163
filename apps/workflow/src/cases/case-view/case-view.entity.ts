import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The case as staff and requesters read it; rebuilt from workflow's log at any time. */
@Entity({ schema: 'workflow', name: 'case_view' })
export class CaseView {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') status!: string;
  @Column('text') channel!: string;
  @Column('text') audience!: string;
  @Column('text', { name: 'request_type' }) requestType!: string;
  @Column('text') category!: string;
  @Column('text') subject!: string;
  @Column('text') description!: string;
  @Column('text') language!: string;
  @Column('text') region!: string;
  @Column('text') priority!: string;
  @Column('text', { name: 'requester_id', nullable: true }) requesterId!: string | null;
  @Column('text', { name: 'requester_partner', nullable: true }) requesterPartner!: string | null;
  @Column('text', { name: 'requester_unit', nullable: true }) requesterUnit!: string | null;
  @Column('text', { nullable: true }) queue!: string | null;
  @Column('text', { name: 'routing_rule', nullable: true }) routingRule!: string | null;
  @Column('timestamptz', { name: 'opened_at' }) openedAt!: Date;
  @Column('timestamptz', { name: 'assigned_at', nullable: true }) assignedAt!: Date | null;
  @Column('text', { nullable: true }) assignee!: string | null;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt!: Date | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  /** The process version the case started on and keeps; null until routed on one. */
  @Column('text', { name: 'process_id', nullable: true }) processId!: string | null;
  @Column('int', { name: 'process_version', nullable: true }) processVersion!: number | null;
  @Column('text', { name: 'process_stage', nullable: true }) processStage!: string | null;
  @Column('timestamptz', { name: 'response_due_at', nullable: true }) responseDueAt!: Date | null;
  @Column('timestamptz', { name: 'resolution_due_at', nullable: true }) resolutionDueAt!: Date | null;
  @Column('int') version!: number;
}

/** A case stops counting as open work (its owner's load, its queue's waiting line) once resolved, closed or cancelled. */
export const FINISHED_CASE_STATUSES = ['RESOLVED', 'CLOSED', 'CANCELLED'] as const;

/**
 * The finished statuses as an SQL list, written into queries rather than passed as a parameter: the
 * partial indexes below carry the same words in their predicate, and a query that repeats them is
 * proven to match them in every plan (behind a parameter a generic plan could not use them).
 */
export const FINISHED_CASE_SQL = `(${FINISHED_CASE_STATUSES.map((status) => `'${status}'`).join(', ')})`;

export const CASE_VIEW_DDL = [
  `create table if not exists workflow.case_view (
     id uuid primary key, status text not null, channel text not null, audience text not null,
     request_type text not null, category text not null, subject text not null, description text not null,
     language text not null, region text not null, priority text not null,
     requester_id text, requester_partner text, requester_unit text,
     queue text, routing_rule text, opened_at timestamptz not null, assigned_at timestamptz, version int not null)`,
  `create index if not exists case_view_requester on workflow.case_view (requester_id)`,
  // Added with the full lifecycle; data folders created before it get the columns here.
  `alter table workflow.case_view add column if not exists assignee text`,
  `alter table workflow.case_view add column if not exists resolved_at timestamptz`,
  `alter table workflow.case_view add column if not exists closed_at timestamptz`,
  // Added with versioned processes.
  `alter table workflow.case_view add column if not exists process_id text`,
  `alter table workflow.case_view add column if not exists process_version int`,
  `alter table workflow.case_view add column if not exists process_stage text`,
  `alter table workflow.case_view add column if not exists response_due_at timestamptz`,
  `alter table workflow.case_view add column if not exists resolution_due_at timestamptz`,
  // Asked for every contact by agent assignment: a queue's longest-waiting case (WaitingCases) and
  // the open cases each candidate owns (their load). Without them each question read the whole table.
  `create index if not exists case_view_waiting on workflow.case_view (queue, assigned_at, opened_at, id)
     where assignee is null and status not in ${FINISHED_CASE_SQL}`,
  `create index if not exists case_view_owned on workflow.case_view (assignee)
     where assignee is not null and status not in ${FINISHED_CASE_SQL}`,
];
