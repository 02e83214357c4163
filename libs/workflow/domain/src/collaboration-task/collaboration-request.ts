import type { FieldError, Party } from '@collab/domain-kernel';
import { isInstant, requireText, requireWholeNumber } from '../validation';

/** Who is asked for help: an internal department (or any unit) or a partner organisation, in a region. */
export interface CollaborationTarget {
  readonly kind: 'UNIT' | 'PARTNER';
  /** The org directory's id; ids are unique across units, queues and partners. */
  readonly id: string;
  readonly region: string;
}

/**
 * Who asked for a task, where its parent task is known: a chain's asker is the parent's holder, its
 * target, whose kind the parent says. A task recorded at schema version 1 named its asker by id only,
 * and its per-event upcast says UNIT for every chain (stored-event-versions.ts); whoever holds the
 * parent (the case fold, the case's chain) takes the kind from there.
 */
export const askerOf = (from: Party, parentTarget: CollaborationTarget | undefined): Party =>
  parentTarget !== undefined && parentTarget.id === from.id ? { kind: parentTarget.kind, id: from.id } : from;

/** The task's own SLA (OLA for a department, underpinning contract for a partner), in the target's business time. */
export interface TaskSla {
  readonly calendarId: string;
  readonly acceptWithinBusinessMinutes: number;
  readonly completeWithinBusinessMinutes: number;
}

/**
 * 协同单: what the case owner (or a unit working a task, for a chain) asks of another unit. The
 * due times are computed by the caller on the SLA's calendar, so the deciders stay pure.
 */
export interface CollaborationRequest {
  readonly taskId: string;
  /** The task whose holder asks for help in turn; null when the case owner asks. */
  readonly parentTaskId: string | null;
  readonly to: CollaborationTarget;
  /** What is asked and why: the reason for the hand-off. */
  readonly reason: string;
  readonly sla: TaskSla;
  readonly acceptDueAt: string;
  readonly completeDueAt: string;
}

/** How a task ended, as the case records it. */
export type TaskOutcome = 'COMPLETED' | 'RETURNED' | 'WITHDRAWN';

const slaErrors = (sla: TaskSla): FieldError[] => [
  ...requireText('sla.calendarId', sla.calendarId),
  ...requireWholeNumber('sla.acceptWithinBusinessMinutes', sla.acceptWithinBusinessMinutes, 1),
  ...requireWholeNumber('sla.completeWithinBusinessMinutes', sla.completeWithinBusinessMinutes, 1),
  ...(sla.acceptWithinBusinessMinutes > sla.completeWithinBusinessMinutes
    ? [{ field: 'sla.acceptWithinBusinessMinutes', message: 'must not exceed completeWithinBusinessMinutes' }]
    : []),
];

const instantErrors = (field: string, value: string): FieldError[] =>
  isInstant(value) ? [] : [{ field, message: 'must be an ISO 8601 instant with a time zone' }];

const dueErrors = (request: CollaborationRequest): FieldError[] => {
  const shapes = [
    ...instantErrors('acceptDueAt', request.acceptDueAt),
    ...instantErrors('completeDueAt', request.completeDueAt),
  ];
  if (shapes.length > 0) return shapes;
  return Date.parse(request.completeDueAt) < Date.parse(request.acceptDueAt)
    ? [{ field: 'completeDueAt', message: 'must not be before acceptDueAt' }]
    : [];
};

/** Every invalid field of a request made by `fromUnit`; empty when it is valid. */
export const collaborationRequestErrors = (request: CollaborationRequest, fromUnit: string): FieldError[] => [
  ...requireText('taskId', request.taskId),
  ...(request.parentTaskId === null ? [] : requireText('parentTaskId', request.parentTaskId)),
  ...requireText('to.id', request.to.id),
  ...(request.to.id === fromUnit
    ? [{ field: 'to.id', message: `must be another unit than ${fromUnit}, which asks` }]
    : []),
  ...requireText('to.region', request.to.region),
  ...requireText('reason', request.reason),
  ...slaErrors(request.sla),
  ...dueErrors(request),
];

/**
 * A new request must not be due already. Checked only when the request is made: the task stream
 * is created from the recorded request later, when the due time may rightly have passed.
 */
export const alreadyDueErrors = (request: CollaborationRequest, now: Date): FieldError[] =>
  isInstant(request.acceptDueAt) && Date.parse(request.acceptDueAt) < now.getTime()
    ? [{ field: 'acceptDueAt', message: 'must not be in the past' }]
    : [];
