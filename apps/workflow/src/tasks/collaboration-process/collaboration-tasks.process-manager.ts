import { Inject, Injectable } from '@nestjs/common';
import { deterministicEventId, reactionMetadata, type EventMetadata, type RecordedEvent } from '@collab/event-store';
import {
  caseOutcomeFor,
  taskCreationFor,
  type CaseCancelled,
  type CollaborationTaskEvent,
  type CollaborationTaskOpened,
} from '@collab/workflow-domain';
import { CaseCommands } from '../../cases/case-commands';
import { ORG_LOOKUP, type OrgLookup } from '../../workflow.ports';
import { TaskCommands } from '../task-commands';
import { WorkflowLogReactor, passingRefusals } from './workflow-log-reactor';

const TASK_ENDINGS = new Set(['TaskCompleted', 'TaskReturned', 'TaskWithdrawn']);
const ACTOR = { id: 'workflow.collaboration-tasks', kind: 'service' } as const;

/** The reaction carries out what a person did (asked, completed, cancelled): appended by this service on their behalf. */
const metadataAfter = (event: RecordedEvent): EventMetadata => reactionMetadata(event, ACTOR);

/**
 * The case and its tasks, kept in step:
 * - CollaborationTaskOpened on a case → the task stream is created from the recorded request;
 * - a task completed, returned (退单) or withdrawn → the case records the outcome (and a ping-pong
 *   goes to the supervisors of both units);
 * - CaseCancelled → each task it lists as open is withdrawn by the unit that asked.
 */
@Injectable()
export class CollaborationTasksProcessManager extends WorkflowLogReactor {
  readonly name = 'workflow.collaboration-tasks';
  readonly handles = ['CollaborationTaskOpened', 'CaseCancelled', ...TASK_ENDINGS];

  constructor(
    private readonly tasks: TaskCommands,
    private readonly cases: CaseCommands,
    @Inject(ORG_LOOKUP) private readonly org: OrgLookup,
  ) {
    super();
  }

  protected async reactTo(event: RecordedEvent): Promise<void> {
    if (event.type === 'CollaborationTaskOpened') return this.createTask(event);
    if (event.type === 'CaseCancelled') return this.withdrawTasks(event);
    if (TASK_ENDINGS.has(event.type) && event.streamId.startsWith('task-')) return this.recordOutcome(event);
  }

  private async createTask(event: RecordedEvent): Promise<void> {
    const opened = { type: event.type, data: event.data } as unknown as CollaborationTaskOpened;
    await this.tasks.runAsService(taskCreationFor(opened), {
      metadata: metadataAfter(event),
      eventIdFor: (_created, index) => deterministicEventId(event.id, `create-task/${index}`),
    });
  }

  private async recordOutcome(event: RecordedEvent): Promise<void> {
    const outcome = caseOutcomeFor({ type: event.type, data: event.data } as CollaborationTaskEvent);
    if (outcome === null) return;
    const task = await this.tasks.load(outcome.taskId);
    const supervisors =
      task.status === 'none' ? {} : await this.org.supervisorsOf([task.task.from.id, task.task.to.id]);
    await this.cases.run(
      { ...outcome, supervisors },
      {
        metadata: metadataAfter(event),
        eventIdFor: (_recorded, index) => deterministicEventId(event.id, `record-outcome/${index}`),
      },
    );
  }

  private async withdrawTasks(event: RecordedEvent): Promise<void> {
    const { data } = { type: event.type, data: event.data } as unknown as CaseCancelled;
    for (const taskId of data.openTaskIds) {
      const task = await this.tasks.load(taskId);
      if (task.status === 'none') continue;
      // One task ended meanwhile (refused) must not keep the others open.
      await passingRefusals(() =>
        this.tasks.runAsService(
          {
            type: 'WithdrawTask',
            taskId,
            byUnit: task.task.from.id,
            reason: `the case was cancelled: ${data.reason}`,
            actor: data.actor,
          },
          {
            metadata: metadataAfter(event),
            eventIdFor: (_withdrawn, index) => deterministicEventId(event.id, `withdraw/${taskId}/${index}`),
          },
        ),
      );
    }
  }
}
