import { Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { loadProtos, toTimestamp, type workflowV1 } from '@collab/contracts';
import { EventIdConflict, deterministicEventId } from '@collab/event-store';
import { Forbidden, ValidationFailed } from '@collab/domain-kernel';
import {
  GrpcServices,
  actorOf,
  isUuid,
  serverStream,
  unary,
  type CallContext,
  type Principal,
} from '@collab/service-kit';
import { TaskCommands, type TaskRequest } from '../task-commands';
import { PartnerTaskFeed } from './partner-task-feed';
import { PartnerTaskMessages } from './partner-task-messages';
import { returnReasonCodeOf, statusOfProto } from './partner-task.message';

type Task = workflowV1.CollaborationTask;

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

const invalid = (field: string, message: string): never => {
  throw new ValidationFailed([{ field, message }]);
};

/** The partner (or, for department staff, the unit) the caller acts for; the token says it, never the request. */
/** Partner staff, and unit staff working the same tasks; which tasks is the task's own rule. */
const TASK_PARTIES = ['staff', 'partner-staff'] as const;
const PARTNER_COLLABORATION_POLICY = {
  ListTasks: TASK_PARTIES,
  WatchTasks: TASK_PARTIES,
  AcceptTask: TASK_PARTIES,
  AddNote: TASK_PARTIES,
  CompleteTask: TASK_PARTIES,
  ReturnTask: TASK_PARTIES,
};

const partyOf = (principal: Principal): string => principal.partner ?? principal.unit ?? invalidParty();

const invalidParty = (): never => {
  throw new Forbidden('the caller acts for no partner or unit');
};

const taskIdOf = (taskId: string): string =>
  isUuid(taskId) ? taskId : invalid('task_id', 'must be a task id (UUID)');

const cursorOf = (cursor: string): bigint | undefined => {
  if (cursor === '') return undefined;
  return /^\d{1,19}$/.test(cursor) ? BigInt(cursor) : invalid('cursor', 'must be a cursor this service sent');
};

const offsetOf = (token: string): number => {
  if (token === '') return 0;
  return /^\d{1,9}$/.test(token)
    ? Number(token)
    : invalid('page_token', 'must be a next_page_token this service sent');
};

const pageSizeOf = (size: number): number => {
  if (size < 0 || size > MAX_PAGE_SIZE)
    invalid('page_size', `must be 0 (the default, ${DEFAULT_PAGE_SIZE}) to ${MAX_PAGE_SIZE}`);
  return size === 0 ? DEFAULT_PAGE_SIZE : size;
};

const statusesOf = (statuses: readonly string[]): string[] =>
  statuses.map(
    (status) => statusOfProto(status) ?? invalid('statuses', `${status} is not a task status to filter on`),
  );

const originOf = (context: CallContext) => ({
  actor: actorOf(context.principal),
  correlationId: String(context.metadata.get('x-correlation-id')[0] ?? '') || randomUUID(),
});

const returnRequestOf = (request: workflowV1.ReturnTaskRequest__Output): TaskRequest => {
  const reasonCode =
    request.reasonCode ||
    returnReasonCodeOf(request.reason) ||
    invalid('reason_code', 'name a return reason: reason_code, or a reason other than OTHER');
  return { type: 'ReturnTask', taskId: taskIdOf(request.taskId), reasonCode, note: request.note };
};

/**
 * `collab.workflow.v1.PartnerCollaborationService`: partners (and departments) work the tasks
 * addressed to them. The same TaskCommands as REST decide every change, so the rules are one; a
 * task that is not the caller's is NOT_FOUND, never another partner's data.
 */
@Injectable()
export class PartnerCollaborationGrpc implements OnModuleInit {
  constructor(
    private readonly grpc: GrpcServices,
    private readonly commands: TaskCommands,
    private readonly feed: PartnerTaskFeed,
    private readonly messages: PartnerTaskMessages,
  ) {}

  onModuleInit(): void {
    const { workflow } = loadProtos();
    this.grpc.add(workflow.PartnerCollaborationService.service, {
      ListTasks: unary((request, context) => this.list(request, context)),
      WatchTasks: serverStream((request, context) => this.watch(request, context)),
      AcceptTask: unary(async (request, context) => ({
        task: await this.run({ type: 'AcceptTask', taskId: taskIdOf(request.taskId) }, context),
      })),
      AddNote: unary(async (request, context) => ({ task: await this.addNote(request, context) })),
      CompleteTask: unary(async (request, context) => ({
        task: await this.run(
          { type: 'CompleteTask', taskId: taskIdOf(request.taskId), result: request.resolution },
          context,
        ),
      })),
      ReturnTask: unary(async (request, context) => ({
        task: await this.run(returnRequestOf(request), context),
      })),
    }, PARTNER_COLLABORATION_POLICY);
  }

  private async list(
    request: workflowV1.ListTasksRequest__Output,
    { principal }: CallContext,
  ): Promise<workflowV1.ListTasksResponse> {
    const party = partyOf(principal);
    if (request.caseId !== '' && !isUuid(request.caseId)) invalid('case_id', 'must be a case id (UUID)');
    const limit = pageSizeOf(request.pageSize);
    const offset = offsetOf(request.pageToken);
    const query = {
      statuses: statusesOf(request.statuses),
      limit,
      offset,
      ...(request.caseId ? { caseId: request.caseId } : {}),
    };
    const { tasks, more } = await this.feed.page(party, query);
    return { tasks: await this.messages.of(tasks), nextPageToken: more ? String(offset + limit) : '' };
  }

  private async *watch(
    request: workflowV1.WatchTasksRequest__Output,
    { principal, signal }: CallContext,
  ): AsyncGenerator<workflowV1.WatchTasksResponse> {
    const party = partyOf(principal);
    let after = cursorOf(request.cursor);
    if (after === undefined) {
      const { tasks, seenUpTo } = await this.feed.openTasks(party);
      const messages = await this.messages.of(tasks);
      for (const [index, task] of tasks.entries())
        yield {
          cursor: task.position,
          task: messages[index]!,
          changedAt: toTimestamp(task.requestedAt.toISOString()),
        };
      after = seenUpTo;
    }
    for await (const change of this.feed.changesAfter(party, after, signal)) {
      const [task] = await this.messages.of([change.task]);
      yield {
        cursor: change.cursor.toString(),
        task: task!,
        changedAt: toTimestamp(change.changedAt.toISOString()),
      };
    }
  }

  /** A retried note (same request_id) gets the same event id, so it is recorded once. */
  private addNote(request: workflowV1.AddNoteRequest__Output, context: CallContext): Promise<Task> {
    const taskId = taskIdOf(request.taskId);
    const key = request.requestId === '' ? undefined : `${partyOf(context.principal)}/${request.requestId}`;
    return this.run({ type: 'AddTaskNote', taskId, note: request.text }, context, key);
  }

  private async run(request: TaskRequest, context: CallContext, idempotencyKey?: string): Promise<Task> {
    partyOf(context.principal);
    const options =
      idempotencyKey === undefined
        ? {}
        : {
            eventIdFor: (_: unknown, index: number) => deterministicEventId(idempotencyKey, `note/${index}`),
          };
    try {
      await this.commands.execute(request, context.principal, originOf(context), options);
    } catch (error) {
      // The same request_id again: its note is already recorded (at its first time), so answer the task as it is.
      if (!(error instanceof EventIdConflict)) throw error;
    }
    return (await this.messages.of([await this.feed.one(request.taskId)]))[0]!;
  }
}
