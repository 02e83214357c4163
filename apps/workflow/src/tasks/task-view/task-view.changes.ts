import type { CollaborationTaskEvent } from '@collab/workflow-domain';
import type { TaskView } from './task-view.entity';

type ChangingEvent = Exclude<CollaborationTaskEvent, { type: 'CollaborationRequested' | 'TaskNoteAdded' }>;
type DataOf<Type extends ChangingEvent['type']> = Extract<ChangingEvent, { type: Type }>['data'];
type Changes = { readonly [Type in ChangingEvent['type']]: (data: DataOf<Type>) => Partial<TaskView> };

/**
 * What each task event changes in the task view. A mapped type, so a new task event is a compile
 * error here until someone decides what it shows. CollaborationRequested creates the row and a
 * note is appended to the list; both are apart (task-view.projection.ts).
 */
const CHANGES: Changes = {
  TaskAccepted: (data) => ({
    status: 'ACCEPTED',
    acceptedAt: new Date(data.acceptedAt),
    acceptedBy: data.actor.id,
  }),
  TaskCompleted: (data) => ({
    status: 'COMPLETED',
    completedAt: new Date(data.completedAt),
    result: data.result,
  }),
  TaskReturned: (data) => ({
    status: 'RETURNED',
    returnedAt: new Date(data.returnedAt),
    returnReasonCode: data.reasonCode,
    returnNote: data.note,
  }),
  TaskUrged: (data) => ({ urgeCount: data.urgeCount, lastUrgedAt: new Date(data.urgedAt) }),
  TaskWithdrawn: (data) => ({
    status: 'WITHDRAWN',
    withdrawnAt: new Date(data.withdrawnAt),
    withdrawReason: data.reason,
  }),
};

export const taskViewChange = (event: ChangingEvent): Partial<TaskView> =>
  (CHANGES[event.type] as (data: ChangingEvent['data']) => Partial<TaskView>)(event.data);
