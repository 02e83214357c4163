import type { RecordedEvent } from '@collab/event-store';
import type { CollaborationRequested, CollaborationTaskEvent, TaskNoteAdded } from '@collab/workflow-domain';
import { taskViewChange } from './task-view.changes';
import type { TaskView, TaskViewNote } from './task-view.entity';

/** The row a task starts as, from the request that created its stream. */
export const requestedTaskView = (event: RecordedEvent, data: CollaborationRequested['data']): TaskView => ({
  id: data.taskId,
  caseId: data.caseId,
  parentTaskId: data.parentTaskId,
  fromId: data.from.id,
  fromKind: data.from.kind,
  targetKind: data.to.kind,
  targetId: data.to.id,
  targetRegion: data.to.region,
  status: 'REQUESTED',
  reason: data.reason,
  sla: data.sla,
  acceptDueAt: new Date(data.acceptDueAt),
  completeDueAt: new Date(data.completeDueAt),
  requestedBy: data.actor.id,
  requestedAt: new Date(data.requestedAt),
  acceptedBy: null,
  acceptedAt: null,
  completedAt: null,
  returnedAt: null,
  withdrawnAt: null,
  result: null,
  returnReasonCode: null,
  returnNote: null,
  withdrawReason: null,
  notes: [],
  urgeCount: 0,
  lastUrgedAt: null,
  version: event.streamVersion,
  position: event.position.toString(),
});

export const taskNoteOf = ({ data }: TaskNoteAdded): TaskViewNote => ({
  unit: data.by.id,
  note: data.note,
  by: data.actor.id,
  at: data.addedAt,
});

const applied = (view: TaskView | undefined, event: RecordedEvent): TaskView | undefined => {
  const taskEvent = { type: event.type, data: event.data } as CollaborationTaskEvent;
  if (taskEvent.type === 'CollaborationRequested') return requestedTaskView(event, taskEvent.data);
  if (view === undefined) return undefined;
  const moved = { version: event.streamVersion, position: event.position.toString() };
  if (taskEvent.type === 'TaskNoteAdded')
    return { ...view, notes: [...view.notes, taskNoteOf(taskEvent)], ...moved };
  return { ...view, ...taskViewChange(taskEvent), ...moved };
};

/**
 * A task as it stood after the given events of its stream: the same row the projection keeps, but
 * at any version. The partner watch stream sends each change as of that change, never later.
 */
export const taskViewOf = (events: readonly RecordedEvent[]): TaskView | undefined =>
  events.reduce<TaskView | undefined>(applied, undefined);
