import { Injectable } from '@nestjs/common';
import { COLLABORATION_TASK_EVENT_TYPES } from '@collab/workflow-domain';
import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@collab/event-store';
import { Projection } from '@collab/service-kit';
import type { CollaborationTaskEvent } from '@collab/workflow-domain';
import { taskViewChange } from './task-view.changes';
import { TaskView } from './task-view.entity';
import { requestedTaskView, taskNoteOf } from './task-view.fold';

const TASK_STREAM = /^task-/;

/** Keeps workflow.task_view equal to the fold of the task streams; case events pass by. */
@Injectable()
export class TaskViewProjection extends Projection {
  readonly name = 'workflow.task-view';
  readonly log = 'workflow';
  readonly handles = COLLABORATION_TASK_EVENT_TYPES;
  readonly tables = ['workflow.task_view'];

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    const views = tx.getRepository(TaskView);
    for (const event of events) {
      if (!TASK_STREAM.test(event.streamId)) continue;
      const taskEvent = { type: event.type, data: event.data } as CollaborationTaskEvent;
      const moved = { version: event.streamVersion, position: event.position.toString() };
      if (taskEvent.type === 'CollaborationRequested')
        await views.upsert(requestedTaskView(event, taskEvent.data), ['id']);
      else if (taskEvent.type === 'TaskNoteAdded')
        await tx.query(
          // Guarded by the task stream's version: a note applied once more (a replay) is not appended twice.
          `update workflow.task_view set notes = notes || $2::jsonb, version = $3, position = $4 where id = $1 and version < $3`,
          [taskEvent.data.taskId, JSON.stringify([taskNoteOf(taskEvent)]), moved.version, moved.position],
        );
      else await views.update({ id: taskEvent.data.taskId }, { ...taskViewChange(taskEvent), ...moved });
    }
  }
}
