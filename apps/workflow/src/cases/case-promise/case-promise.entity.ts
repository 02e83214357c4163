import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What intake promised the requester when it acknowledged the case: the human case number and
 * the expected times. Its own table, written only by the consumer of intake's events, because
 * those may arrive before workflow's own projection has written the case.
 */
@Entity({ schema: 'workflow', name: 'case_promise' })
export class CasePromise {
  @PrimaryColumn('uuid', { name: 'case_id' }) caseId!: string;
  @Column('text', { name: 'case_number' }) caseNumber!: string;
  @Column('timestamptz', { name: 'acknowledged_at' }) acknowledgedAt!: Date;
  @Column('timestamptz', { name: 'expected_first_response_at' }) expectedFirstResponseAt!: Date;
  @Column('timestamptz', { name: 'expected_resolution_at' }) expectedResolutionAt!: Date;
  @Column('text', { name: 'calendar_id' }) calendarId!: string;
  /** Whether the times fall within the calendar's announced holidays (CaseAcknowledged v2); null when not recorded. */
  @Column('jsonb', { nullable: true }) coverage!: PromiseCoverage | null;
}

export interface PromiseCoverage {
  readonly complete: boolean;
  readonly announcedThrough: string | null;
  readonly warning: string | null;
}
