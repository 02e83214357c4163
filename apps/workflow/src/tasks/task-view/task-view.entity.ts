import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Party, TaskStatusWord } from '@collab/domain-kernel';
import type { CollaborationTarget, TaskSla } from '@collab/workflow-domain';

/**
 * A note on a task as the view keeps it: who (the side's id, and the person) said what, when. The key
 * `unit` is older than the kinds; it holds the id of the side that wrote it, whose kind the task's two
 * parties give (ids are unique across kinds), so the answer names it exactly (task-details.ts).
 */
export interface TaskViewNote {
  readonly unit: string;
  readonly note: string;
  readonly by: string;
  readonly at: string;
}

/**
 * A collaboration task (协同单) as its parties read it: REST, the partner gRPC service and the
 * workbench. Rebuilt from workflow's log at any time; `position` is the global position of the
 * last event applied, the cursor a watcher resumes from.
 */
@Entity({ schema: 'workflow', name: 'task_view' })
export class TaskView {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('text', { name: 'parent_task_id', nullable: true }) parentTaskId!: string | null;
  /** Who asked: its id (the column's name is older than the kinds) and its kind (migration 0008). */
  @Column('text', { name: 'from_unit' }) fromId!: string;
  @Column('text', { name: 'from_kind' }) fromKind!: Party['kind'];
  @Column('text', { name: 'target_kind' }) targetKind!: CollaborationTarget['kind'];
  @Column('text', { name: 'target_id' }) targetId!: string;
  @Column('text', { name: 'target_region' }) targetRegion!: string;
  @Column('text') status!: TaskStatusWord;
  @Column('text') reason!: string;
  @Column('jsonb') sla!: TaskSla;
  @Column('timestamptz', { name: 'accept_due_at' }) acceptDueAt!: Date;
  @Column('timestamptz', { name: 'complete_due_at' }) completeDueAt!: Date;
  @Column('text', { name: 'requested_by' }) requestedBy!: string;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt!: Date;
  @Column('text', { name: 'accepted_by', nullable: true }) acceptedBy!: string | null;
  @Column('timestamptz', { name: 'accepted_at', nullable: true }) acceptedAt!: Date | null;
  @Column('timestamptz', { name: 'completed_at', nullable: true }) completedAt!: Date | null;
  @Column('timestamptz', { name: 'returned_at', nullable: true }) returnedAt!: Date | null;
  @Column('timestamptz', { name: 'withdrawn_at', nullable: true }) withdrawnAt!: Date | null;
  @Column('text', { nullable: true }) result!: string | null;
  @Column('text', { name: 'return_reason_code', nullable: true }) returnReasonCode!: string | null;
  @Column('text', { name: 'return_note', nullable: true }) returnNote!: string | null;
  @Column('text', { name: 'withdraw_reason', nullable: true }) withdrawReason!: string | null;
  @Column('jsonb') notes!: TaskViewNote[];
  @Column('int', { name: 'urge_count' }) urgeCount!: number;
  @Column('timestamptz', { name: 'last_urged_at', nullable: true }) lastUrgedAt!: Date | null;
  @Column('int') version!: number;
  @Column('bigint') position!: string;
}

