import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@collab/event-store';
import { CommandHandler, EVENT_STORE } from '@collab/service-kit';
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
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, workflowCaseDecider, {
      streamOf: (command) => workflowCaseStreamId(caseIdOf(command)),
      retriesOnConflict: 3,
      // Whoever's hand-off tipped it over, the ping-pong is the system's observation.
      observedBy: { PingPongDetected: PING_PONG_DETECTOR },
    });
  }
}
