import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, Handled } from '@collab/event-store';
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
    @Inject(EVENT_STORE) store: EventStore,
    private readonly parameters: SystemParameterBook,
  ) {
    super(store, workflowCaseDecider, {
      streamOf: (command) => workflowCaseStreamId(caseIdOf(command)),
      retriesOnConflict: 3,
      // Whoever's hand-off tipped it over, the ping-pong is the system's observation.
      observedBy: { PingPongDetected: PING_PONG_DETECTOR },
    });
  }

  /**
   * Decides with the system parameters in force now (the reopen window, the ping-pong limit, the
   * quiet period), unless the caller brings the policy it was set for (a timer's quiet period).
   */
  override async handle(
    command: WorkflowCaseCommand,
    context: CaseDecisionContext,
    source: CommandSource<WorkflowCaseEvent>,
  ): Promise<Handled<WorkflowCaseEvent, WorkflowCaseState>> {
    const policy = context.policy ?? (await this.parameters.casePolicy());
    return super.handle(command, { ...context, policy }, source);
  }
}
