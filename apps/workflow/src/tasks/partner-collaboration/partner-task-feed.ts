import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { In, type DataSource, type Repository } from 'typeorm';
import type { RecordedEvent } from '@collab/event-store';
import type { EventStore } from '@collab/event-store';
import { EVENT_STORE, HostedServices } from '@collab/service-kit';
import { collaborationTaskStreamId } from '@collab/workflow-domain';
import { TaskView } from '../task-view/task-view.entity';
import { taskViewOf } from '../task-view/task-view.fold';
import { tailLog } from './log-tail';

/** One change to one of the caller's tasks: the task as of that change, and where to resume after it. */
export interface TaskChange {
  readonly cursor: bigint;
  readonly task: TaskView;
  readonly changedAt: Date;
}

export interface TaskListQuery {
  readonly statuses: readonly string[];
  readonly caseId?: string;
  readonly limit: number;
  readonly offset: number;
}

const OPEN = ['REQUESTED', 'ACCEPTED'];
const TASK_STREAM = /^task-(.+)$/;
const SLA_TASK_CLOCK = /^task:([^:]+):/;

/** Which task an event of workflow's log changes: its own stream's events, and its escalations on the case's SLA stream. */
const changedTaskId = (event: RecordedEvent): string | undefined => {
  const own = TASK_STREAM.exec(event.streamId)?.[1];
  if (own !== undefined) return own;
  // Of the SLA clocks' events only an escalation changes what the message shows (escalation_level).
  const clockKey = event.streamId.startsWith('sla-') && event.type === 'SlaEscalated' ? event.data['clockKey'] : undefined;
  return typeof clockKey === 'string' ? SLA_TASK_CLOCK.exec(clockKey)?.[1] : undefined;
};

/**
 * The tasks addressed to one party (a partner or a unit), read for the partner gRPC service:
 * pages of the task view, and a watch that starts from a consistent snapshot and follows
 * workflow's log, each change carrying the log position as its cursor.
 */
@Injectable()
export class PartnerTaskFeed {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly hosted: HostedServices,
    @InjectDataSource() private readonly database: DataSource,
    @InjectRepository(TaskView) private readonly views: Repository<TaskView>,
  ) {}

  /** A task the caller's command just changed; the command waited until the view held its change. */
  async one(taskId: string): Promise<TaskView> {
    return this.views.findOneByOrFail({ id: taskId });
  }

  /** Newest request first; one more row than asked tells whether another page follows. */
  async page(party: string, query: TaskListQuery): Promise<{ tasks: TaskView[]; more: boolean }> {
    const rows = await this.views.find({
      where: {
        targetId: party,
        ...(query.statuses.length > 0 ? { status: In([...query.statuses]) } : {}),
        ...(query.caseId ? { caseId: query.caseId } : {}),
      },
      order: { requestedAt: 'DESC', id: 'ASC' },
      skip: query.offset,
      take: query.limit + 1,
    });
    return { tasks: rows.slice(0, query.limit), more: rows.length > query.limit };
  }

  /**
   * The party's open tasks and the position up to which the view holds every task event, read in
   * one snapshot: the projection applies the log in order, so the highest position in the view
   * bounds what it has seen, and following the log after it misses nothing.
   */
  async openTasks(party: string): Promise<{ tasks: TaskView[]; seenUpTo: bigint }> {
    return this.database.transaction('REPEATABLE READ', async (tx) => {
      const [{ head }] = await tx.query<[{ head: string }]>(
        `select coalesce(max(position), 0)::text as head from workflow.task_view`,
      );
      const tasks = await tx
        .getRepository(TaskView)
        .find({ where: { targetId: party, status: In(OPEN) }, order: { position: 'ASC' } });
      return { tasks, seenUpTo: BigInt(head) };
    });
  }

  /** Every change to the party's tasks after `after`, live, until `signal` aborts. */
  async *changesAfter(party: string, after: bigint, signal: AbortSignal): AsyncGenerator<TaskChange> {
    const targets = new Map<string, string>();
    for await (const event of tailLog(this.hosted.get('workflow')!.reader, after, signal)) {
      const taskId = changedTaskId(event);
      // A task's target never changes: once known to be someone else's, its events pass by unread.
      if (taskId === undefined || (targets.has(taskId) && targets.get(taskId) !== party)) continue;
      const task = await this.taskAsOf(taskId, event);
      if (task) targets.set(taskId, task.targetId);
      if (task?.targetId === party)
        yield {
          cursor: event.position,
          task,
          changedAt: new Date(String(event.metadata.occurredAt ?? event.recordedAt.toISOString())),
        };
    }
  }

  /** The task as of `event`: its stream folded up to that event (an SLA event shows the task as it then stood). */
  private async taskAsOf(taskId: string, event: RecordedEvent): Promise<TaskView | undefined> {
    const stream = await this.store.readStream(collaborationTaskStreamId(taskId));
    const upTo = stream.filter((recorded) => recorded.position <= event.position);
    return taskViewOf(upTo);
  }
}
