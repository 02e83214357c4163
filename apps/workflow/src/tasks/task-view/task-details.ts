import type { TaskView } from './task-view.entity';
import type { TaskDetails } from '../task.answers';

import type { Party } from '@collab/domain-kernel';

const iso = (value: Date | null): string | null => value?.toISOString() ?? null;

/** The side of the task with this id: the asker or the target (ids are unique across queues, units and partners). */
const sideOf = (view: TaskView, id: string): Party =>
  id === view.fromId ? { kind: view.fromKind, id } : { kind: view.targetKind, id };

export const taskDetailsOf = (view: TaskView, caseNumber: string | null): TaskDetails => ({
  id: view.id,
  caseId: view.caseId,
  caseNumber,
  parentTaskId: view.parentTaskId,
  from: { kind: view.fromKind, id: view.fromId },
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
  notes: view.notes.map(({ unit, ...note }) => ({ side: sideOf(view, unit), ...note })),
  urgeCount: view.urgeCount,
  lastUrgedAt: iso(view.lastUrgedAt),
  version: view.version,
  position: view.position,
});
