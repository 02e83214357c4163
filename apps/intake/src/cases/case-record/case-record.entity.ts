import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A case as intake answers about it: what intake recorded (opening, acknowledgement, contacts)
 * plus the progress workflow reports in its events. Rebuilt from both logs at any time.
 */
@Entity({ schema: 'intake', name: 'case_record' })
export class CaseRecord {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') number!: string;
  @Column('uuid', { name: 'customer_id' }) customerId!: string;
  @Column('text') status!: string;
  @Column('text') channel!: string;
  @Column('text', { name: 'channel_kind' }) channelKind!: string;
  @Column('text') audience!: string;
  @Column('jsonb') requester!: Record<string, string>;
  @Column('text', { name: 'requester_id', nullable: true }) requesterId!: string | null;
  @Column('text', { name: 'requester_partner', nullable: true }) requesterPartner!: string | null;
  @Column('text', { name: 'request_type' }) requestType!: string;
  @Column('text') category!: string;
  @Column('text') subject!: string;
  @Column('text') description!: string;
  @Column('text') language!: string;
  @Column('text') region!: string;
  @Column('text') priority!: string;
  @Column('text', { name: 'external_ref', nullable: true }) externalRef!: string | null;
  @Column('int') contacts!: number;
  @Column('timestamptz', { name: 'opened_at' }) openedAt!: Date;
  @Column('timestamptz', { name: 'acknowledged_at', nullable: true }) acknowledgedAt!: Date | null;
  @Column('timestamptz', { name: 'expected_first_response_at', nullable: true }) expectedFirstResponseAt!: Date | null;
  @Column('timestamptz', { name: 'expected_resolution_at', nullable: true }) expectedResolutionAt!: Date | null;
  @Column('int', { name: 'intake_version' }) intakeVersion!: number;
}

/**
 * What workflow's events say happened to the case after opening. Its own table, written only by
 * the consumer of workflow's events, because those may arrive before intake's projection has
 * written the case (the two logs are independent).
 */
@Entity({ schema: 'intake', name: 'case_progress' })
export class CaseProgress {
  @PrimaryColumn('uuid', { name: 'case_id' }) caseId!: string;
  @Column('text') status!: string;
  @Column('text', { nullable: true }) queue!: string | null;
  @Column('text', { nullable: true }) assignee!: string | null;
  @Column('timestamptz', { name: 'assigned_at', nullable: true }) assignedAt!: Date | null;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt!: Date | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  @Column('int', { name: 'workflow_version' }) workflowVersion!: number;
}

