import { Inject, Injectable } from '@nestjs/common';
import type { EventMetadata, EventStore, Handled } from '@collab/event-store';
import { NotFound } from '@collab/domain-kernel';
import { CLOCK, CommandHandler, EVENT_STORE, type Clock, type CommandOrigin, type CommandSource, type Principal } from '@collab/service-kit';
import {
  collaborationTaskDecider,
  collaborationTaskStreamId,
  type CollaborationTaskCommand,
  type CollaborationTaskEvent,
  type CollaborationTaskState,
  type CreateCollaborationTask,
  type TaskDecisionContext,
} from '@collab/workflow-domain';
import { ReturnReasons } from './return-reasons/return-reasons';
import { TaskParties } from './task-parties';
import { TaskBoard } from './task-view/task-board';
import type { TaskDetails } from './task-view/task-details';

type PartyCommand = Exclude<CollaborationTaskCommand, CreateCollaborationTask>;
type WithoutParty<Command> = Command extends PartyCommand ? Omit<Command, 'byUnit' | 'actor'> : never;

/** What a party asks of a task, over REST or gRPC: the side it acts for and the actor come from the caller. */
export type TaskRequest = WithoutParty<PartyCommand>;

/** Where the events of a command come from when no person asked (process managers). */
export interface TaskCommandSource {
  readonly metadata: EventMetadata;
  readonly eventIdFor: (event: CollaborationTaskEvent, index: number) => string;
}

const taskIdOf = (command: CollaborationTaskCommand): string =>
  command.type === 'CreateCollaborationTask' ? command.request.taskId : command.taskId;

/**
 * The one place that runs a task command: load the task, check the caller may see it, decide with
 * the managed return reasons, append with the expected version (retrying on a conflict), and answer
 * with the task as it now is. REST (TaskCommandsHttp), the partner gRPC service and the
 * collaboration process manager all run theirs here.
 */
@Injectable()
export class TaskCommands {
  private readonly tasks: CommandHandler<
    CollaborationTaskCommand,
    CollaborationTaskEvent,
    CollaborationTaskState,
    TaskDecisionContext
  >;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly returnReasons: ReturnReasons,
    private readonly board: TaskBoard,
  ) {
    // Every task command is decided afresh on the new state; the decider re-checks the parties and the state.
    this.tasks = new CommandHandler(store, collaborationTaskDecider, {
      streamOf: (command) => collaborationTaskStreamId(taskIdOf(command)),
      retriesOnConflict: 3,
    });
  }

  /** A party's command. A task the caller may not see is not found (404 / NOT_FOUND), never forbidden. */
  async execute(
    request: TaskRequest,
    caller: Principal,
    origin: CommandOrigin,
    options: Pick<Partial<TaskCommandSource>, 'eventIdFor'> = {},
  ): Promise<TaskDetails> {
    const { state } = await this.tasks.load(collaborationTaskStreamId(request.taskId));
    if (state.status === 'none') throw new NotFound('collaboration task', request.taskId);
    const sides = { fromUnit: state.task.fromUnit, targetId: state.task.to.id };
    const units = await this.board.callerUnits(caller);
    if (!TaskParties.canSee(units, sides)) throw new NotFound('collaboration task', request.taskId);
    const command = {
      ...request,
      byUnit: TaskParties.actingUnit(units, sides),
      actor: origin.actor,
    } as PartyCommand;
    // A caller's idempotency key (a gRPC request_id) becomes deterministic event ids, so a retry appends nothing new.
    const handled = await this.run(command, { origin, ...options });
    return this.board.one(request.taskId, caller, handled.version);
  }

  /** A command no person sent: a process manager creating or withdrawing a task, with deterministic event ids. */
  runAsService(
    command: CollaborationTaskCommand,
    source: TaskCommandSource,
  ): Promise<Handled<CollaborationTaskEvent, CollaborationTaskState>> {
    return this.run(command, source);
  }

  /** Loads the task: its parties, for a process manager that must act as one of them. */
  async load(taskId: string): Promise<CollaborationTaskState> {
    return (await this.tasks.load(collaborationTaskStreamId(taskId))).state;
  }

  private async run(command: CollaborationTaskCommand, source: CommandSource<CollaborationTaskEvent>) {
    const context: TaskDecisionContext = {
      now: this.clock.now(),
      returnReasons: await this.returnReasons.current(),
    };
    return this.tasks.handle(command, context, source);
  }
}
