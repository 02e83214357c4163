import { toTimestamp, type workflowV1 } from '@collab/contracts';
import type { TaskStatusWord } from '@collab/domain-kernel';
import type { CaseFact } from '../../cases/case-facts';
import type { TaskView } from '../task-view/task-view.entity';

type TaskStatus = NonNullable<workflowV1.CollaborationTask['status']>;
type ReturnReason = NonNullable<workflowV1.CollaborationTask['returnReason']>;

/** The view's statuses in the contract's words, the shared vocabulary's (libs/domain-kernel task-status.ts). */
const STATUS: Readonly<Record<TaskStatusWord, TaskStatus>> = {
  REQUESTED: 'TASK_STATUS_REQUESTED',
  ACCEPTED: 'TASK_STATUS_ACCEPTED',
  COMPLETED: 'TASK_STATUS_COMPLETED',
  RETURNED: 'TASK_STATUS_RETURNED',
  WITHDRAWN: 'TASK_STATUS_WITHDRAWN',
};

/**
 * The managed list's codes the contract's enum names. The enum was fixed before the list was
 * managed; any other code travels as `return_reason_code` with the enum saying OTHER.
 */
const ENUM_OF_CODE: Readonly<Record<string, ReturnReason>> = {
  WRONG_UNIT: 'RETURN_REASON_WRONG_UNIT',
  MISSING_INFORMATION: 'RETURN_REASON_INSUFFICIENT_INFORMATION',
  OUT_OF_SCOPE: 'RETURN_REASON_OUT_OF_SCOPE',
  DUPLICATE: 'RETURN_REASON_DUPLICATE',
  CUSTOMER_UNREACHABLE: 'RETURN_REASON_CUSTOMER_UNREACHABLE',
};

/** The managed code a ReturnTask enum value stands for; undefined for OTHER and UNSPECIFIED, which need `reason_code`. */
export const returnReasonCodeOf = (reason: string): string | undefined =>
  Object.entries(ENUM_OF_CODE).find(([, value]) => value === reason)?.[0];

const returnReasonOf = (code: string | null): ReturnReason =>
  code === null ? 'RETURN_REASON_UNSPECIFIED' : (ENUM_OF_CODE[code] ?? 'RETURN_REASON_OTHER');

const time = (value: Date | null) => (value ? toTimestamp(value.toISOString()) : null);

/** A task as `collab.workflow.v1.CollaborationTask`. */
const timesOf = (view: TaskView) => ({
  requestedAt: time(view.requestedAt),
  dueAt: time(view.completeDueAt),
  acceptDueAt: time(view.acceptDueAt),
  acceptedAt: time(view.acceptedAt),
  completedAt: time(view.completedAt),
  returnedAt: time(view.returnedAt),
});

const outcomeOf = (view: TaskView) => ({
  resolution: view.result ?? '',
  returnReason: returnReasonOf(view.returnReasonCode),
  returnReasonCode: view.returnReasonCode ?? '',
  returnNote: view.returnNote ?? '',
});

export const partnerTaskOf = (
  view: TaskView,
  facts: CaseFact | undefined,
  escalationLevel: number,
): workflowV1.CollaborationTask => ({
  id: view.id,
  caseId: view.caseId,
  caseNumber: facts?.caseNumber ?? '',
  target:
    view.targetKind === 'PARTNER'
      ? { unit: '', partner: view.targetId }
      : { unit: view.targetId, partner: '' },
  status: STATUS[view.status],
  summary: view.reason,
  requestType: facts?.requestType ?? '',
  category: facts?.category ?? '',
  region: view.targetRegion,
  ...timesOf(view),
  notes: view.notes.map((note, index) => ({
    id: `${view.id}/${index + 1}`,
    author: note.by,
    text: note.note,
    addedAt: toTimestamp(note.at),
  })),
  ...outcomeOf(view),
  urgeCount: view.urgeCount,
  escalationLevel,
  version: String(view.version),
});

/** A filter's status in the view's words; the deprecated CANCELLED (what WITHDRAWN was called) still means WITHDRAWN. */
export const statusOfProto = (status: string): string | undefined =>
  status === 'TASK_STATUS_CANCELLED' ? 'WITHDRAWN' : Object.entries(STATUS).find(([, value]) => value === status)?.[0];
