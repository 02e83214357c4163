import type { TaskStatusWord } from '@collab/domain-kernel';
import type { TaskSla } from '@collab/workflow-domain';
import type { TaskView, TaskViewNote } from './task-view.entity';

/** A collaboration task as GET /api/v1/tasks answers it (and, mapped, the partner gRPC service). */
export interface TaskDetails {
  readonly id: string;
  readonly caseId: string;
  /** The human case number intake gave the case; null until its acknowledgement arrived. */
  readonly caseNumber: string | null;
  readonly parentTaskId: string | null;
  readonly fromUnit: string;
  readonly to: { readonly kind: string; readonly id: string; readonly region: string };
  readonly status: TaskStatusWord;
  readonly reason: string;
  readonly sla: TaskSla;
  readonly acceptDueAt: string;
  readonly completeDueAt: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly acceptedBy: string | null;
  readonly acceptedAt: string | null;
  readonly completedAt: string | null;
  readonly returnedAt: string | null;
  readonly withdrawnAt: string | null;
  readonly result: string | null;
  readonly returnReason: { readonly code: string; readonly note: string } | null;
  readonly withdrawReason: string | null;
  readonly notes: readonly TaskViewNote[];
  readonly urgeCount: number;
  readonly lastUrgedAt: string | null;
  readonly version: number;
  /** The workflow log position of the task's last change: a watcher's cursor. */
  readonly position: string;
}

const iso = (value: Date | null): string | null => value?.toISOString() ?? null;

export const taskDetailsOf = (view: TaskView, caseNumber: string | null): TaskDetails => ({
  id: view.id,
  caseId: view.caseId,
  caseNumber,
  parentTaskId: view.parentTaskId,
  fromUnit: view.fromUnit,
  to: { kind: view.targetKind, id: view.targetId, region: view.targetRegion },
  status: view.status,
  reason: view.reason,
  sla: view.sla,
  acceptDueAt: view.acceptDueAt.toISOString(),
  completeDueAt: view.completeDueAt.toISOString(),
  requestedBy: view.requestedBy,
  requestedAt: view.requestedAt.toISOString(),
  acceptedBy: view.acceptedBy,
  acceptedAt: iso(view.acceptedAt),
  completedAt: iso(view.completedAt),
  returnedAt: iso(view.returnedAt),
  withdrawnAt: iso(view.withdrawnAt),
  result: view.result,
  returnReason:
    view.returnReasonCode === null ? null : { code: view.returnReasonCode, note: view.returnNote ?? '' },
  withdrawReason: view.withdrawReason,
  notes: view.notes,
  urgeCount: view.urgeCount,
  lastUrgedAt: iso(view.lastUrgedAt),
  version: view.version,
  position: view.position,
});
