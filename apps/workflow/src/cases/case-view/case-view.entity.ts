import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CASE_STATUSES, shownCaseStatus } from '@collab/domain-kernel';

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

/**
 * The status a reader is shown, in the decider's words: QUEUED while nobody holds the case,
 * COLLABORATING while it has open collaboration tasks (`openTasks`: the links of its chain it has
 * not recorded the end of, as the case course keeps them).
 */
export const shownStatusOf = (view: Pick<CaseView, 'status' | 'assignee'>, openTasks: number): ShownCaseStatus => {
  const shown = shownCaseStatus(view.status, view.assignee, openTasks);
  // The view stores what the decider wrote; a word outside the answer's enum is a defect, said here rather than served.
  if (!(SHOWN_CASE_STATUSES as readonly string[]).includes(shown)) throw new Error(`case ${view.status} shows as unknown status ${shown}`);
  return shown as ShownCaseStatus;
};

/** The statuses a case answer may show: REGISTERED is transient (routing follows registration in the same append). */
export const SHOWN_CASE_STATUSES = ['REGISTERED', ...CASE_STATUSES] as const;
export type ShownCaseStatus = (typeof SHOWN_CASE_STATUSES)[number];

/** A case stops counting as open work (its owner's load, its queue's waiting line) once resolved, closed or cancelled. */
export const FINISHED_CASE_STATUSES = ['RESOLVED', 'CLOSED', 'CANCELLED'] as const;

/**
 * The finished statuses as an SQL list, written into queries rather than passed as a parameter: the
 * partial indexes below carry the same words in their predicate, and a query that repeats them is
 * proven to match them in every plan (behind a parameter a generic plan could not use them).
 */
export const FINISHED_CASE_SQL = `(${FINISHED_CASE_STATUSES.map((status) => `'${status}'`).join(', ')})`;

