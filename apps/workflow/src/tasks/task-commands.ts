import { Inject, Injectable } from '@nestjs/common';
import { deterministicEventId, type EventMetadata, type EventStore, type Handled } from '@collab/event-store';
import { NotFound } from '@collab/domain-kernel';
import { CommandHandler, EVENT_STORE, type CommandOrigin, type CommandSource, type Principal } from '@collab/service-kit';
import {
  childWithdrawals,
  collaborationTaskDecider,
  collaborationTaskStreamId,
  type CollaborationTaskCommand,
  type CollaborationTaskEvent,
  type CollaborationTaskState,
  type CreateCollaborationTask,
  type TaskDecisionContext,
} from '@collab/workflow-domain';
import { passingRefusals } from './collaboration-process/workflow-log-reactor';
import { TaskParties } from './task-parties';
import { TaskSurroundingsLookup, type TaskSurroundings } from './task-surroundings';
import { TaskBoard } from './task-view/task-board';
import type { TaskDetails } from './task.answers';

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
    private readonly board: TaskBoard,
    private readonly surroundings: TaskSurroundingsLookup,
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
    const sides = { fromId: state.task.from.id, targetId: state.task.to.id };
    const units = await this.board.callerUnits(caller);
    if (!(await this.board.visible(units, { ...sides, caseId: state.task.caseId }))) throw new NotFound('collaboration task', request.taskId);
    const command = {
      ...request,
      byUnit: TaskParties.actingUnit(units, sides),
      actor: origin.actor,
    } as PartyCommand;
    const around = await this.surroundings.of(command, state.task, async (taskId) => {
      const status = (await this.load(taskId)).status;
      return status === 'requested' || status === 'accepted';
    });
    if (command.type === 'CompleteTask' || command.type === 'ReturnTask')
      await this.withdrawBelow(command, state, around, { origin, ...options });
    // A caller's idempotency key (a gRPC request_id) becomes deterministic event ids, so a retry appends nothing new.
    const handled = await this.run(command, { origin, ...options }, around);
    return this.board.one(request.taskId, caller, handled.version);
  }

  /**
   * A parent ending with `withdrawOpenChildren` withdraws the tasks open below it first, each with
   * its own TaskWithdrawn. The parent's own decision is taken first on the loaded state, so nothing
   * is withdrawn for an ending that would be refused anyway.
   */
  private async withdrawBelow(
    command: Extract<PartyCommand, { type: 'CompleteTask' | 'ReturnTask' }>,
    state: CollaborationTaskState,
    around: TaskSurroundings,
    source: CommandSource<CollaborationTaskEvent>,
  ): Promise<void> {
    if (state.status === 'none' || around.openBelow.length === 0) return;
    collaborationTaskDecider.decide(command, state, { ...(await this.contextWith(around)), openChildTaskIds: [] });
    for (const withdrawal of childWithdrawals(state.task, command, around.openBelow)) {
      const { eventIdFor } = source;
      const childIds =
        eventIdFor &&
        ((event: CollaborationTaskEvent, index: number, version: number) => deterministicEventId(eventIdFor(event, index, version), `withdraw/${withdrawal.taskId}`));
      // A child that ended meanwhile needs no withdrawing.
      await passingRefusals(() => this.run(withdrawal, { ...source, ...(childIds ? { eventIdFor: childIds } : {}) }));
    }
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

  private async run(command: CollaborationTaskCommand, source: CommandSource<CollaborationTaskEvent>, around?: TaskSurroundings) {
    return this.tasks.handle(command, await this.contextWith(around), source);
  }

  private contextWith(around: TaskSurroundings | undefined): Promise<TaskDecisionContext> {
    return this.surroundings.context(around);
  }
}
