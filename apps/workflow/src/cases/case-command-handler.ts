import { Inject, Injectable } from '@nestjs/common';
import { EventIdConflict, WrongExpectedVersion, type EventMetadata, type EventStore, type Handled, type NewEvent, type StreamAppend } from '@collab/event-store';
import { fold } from '@collab/domain-kernel';
import { CommandHandler, EVENT_STORE, type CommandSource } from '@collab/service-kit';
import { SystemParameterBook } from '../admin/system-parameters/system-parameter-book';
import {
  workflowCaseDecider,
  workflowCaseStreamId,
  type CaseDecisionContext,
  type WorkflowCaseCommand,
  type WorkflowCaseEvent,
  type WorkflowCaseState,
} from '@collab/workflow-domain';

const PING_PONG_DETECTOR = { id: 'workflow.ping-pong', kind: 'system' } as const;

const caseIdOf = (command: WorkflowCaseCommand): string =>
  command.type === 'RegisterAndRouteCase' ? command.summary.caseId : command.caseId;

/**
 * The one handler of case commands: people's (CaseCommands, for REST), routing's, assignment's
 * and the timers'. The decider re-checks the state on every attempt, so deciding again on the
 * fresh state after a conflict is safe for every case command.
 */
@Injectable()
export class CaseCommandHandler extends CommandHandler<
  WorkflowCaseCommand,
  WorkflowCaseEvent,
  WorkflowCaseState,
  CaseDecisionContext
> {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly parameters: SystemParameterBook,
  ) {
    super(eventStore, workflowCaseDecider, {
      streamOf: (command) => workflowCaseStreamId(caseIdOf(command)),
      retriesOnConflict: 3,
      // Whoever's hand-off tipped it over, the ping-pong is the system's observation.
      observedBy: { PingPongDetected: PING_PONG_DETECTOR },
    });
  }

  /**
   * Decides with the system parameters in force now (the reopen window, the ping-pong limit, the
   * quiet period), unless the caller brings the policy it was set for (a timer's quiet period).
   * `loaded`: the stream as the caller knows it, decided on without reading it (a conflict reads afresh).
   */
  override async handle(
    command: WorkflowCaseCommand,
    context: CaseDecisionContext,
    source: CommandSource<WorkflowCaseEvent>,
    loaded?: { state: WorkflowCaseState; version: number },
  ): Promise<Handled<WorkflowCaseEvent, WorkflowCaseState>> {
    const policy = context.policy ?? (await this.parameters.casePolicy());
    return super.handle(command, { ...context, policy }, source, loaded);
  }

  /**
   * A command on a case workflow has not seen (its stream is empty), decided without reading the
   * stream and appended in ONE statement with what `alongside` adds for the events decided (the SLA
   * clocks they start, on the case's new SLA stream): all or nothing, each stream expecting none.
   * Answers false, having appended nothing, when that cannot be: the store cannot append several
   * streams atomically, `alongside` adds nothing, or a stream exists already (a redelivery, a case
   * that has a history) — the caller then handles the command as usual, on the stream as stored.
   */
  async handleNew(
    command: WorkflowCaseCommand,
    context: CaseDecisionContext,
    source: { readonly metadata: EventMetadata; readonly eventIdFor: (event: WorkflowCaseEvent, index: number, version: number) => string },
    alongside: (recorded: readonly Pick<NewEvent, 'id' | 'type' | 'data' | 'metadata'>[], state: WorkflowCaseState) => Promise<StreamAppend | undefined>,
  ): Promise<boolean> {
    if (!this.eventStore.atomicMultiStream || command.type !== 'RegisterAndRouteCase') return false;
    const policy = context.policy ?? (await this.parameters.casePolicy());
    const events = this.decider.decide(command, this.decider.initialState(), { ...context, policy });
    if (events.length === 0) return false;
    const recorded = events.map((event, index) => ({ id: source.eventIdFor(event, index, 0), type: event.type, data: event.data as unknown as NewEvent['data'], metadata: source.metadata }));
    const other = await alongside(recorded, fold(this.decider, events));
    if (!other) return false;
    try {
      await this.eventStore.appendMany([{ streamId: this.streamOf(command), events: recorded, expected: 'no_stream' }, other]);
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedVersion || error instanceof EventIdConflict) return false;
      throw error;
    }
  }
}
