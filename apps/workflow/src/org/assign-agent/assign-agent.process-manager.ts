import { Inject, Injectable } from '@nestjs/common';
import { EventIdConflict, deterministicEventId, type RecordedEvent } from '@collab/event-store';
import type { BatchTransaction, TransactionBounds } from '@collab/following';
import { Conflict, IllegalTransition, fold } from '@collab/domain-kernel';
import { CLOCK, type Clock } from '@collab/service-kit';
import {
  AGENT_EVENT_TYPES,
  WORKFLOW_CASE_EVENT_TYPES,
  agentStreamId,
  assignmentNeedsOf,
  assignmentTriggersOf,
  hasRoom,
  pickAgent,
  queueStreamId,
  workflowCaseDecider,
  type ActorRef,
  type AgentLoad,
  type AssignmentTrigger,
  type QueueNeeds,
  type WorkflowCaseEvent,
} from '@collab/workflow-domain';
import { CaseCommandHandler } from '../../cases/case-command-handler';
import { WorkflowLogReactor } from '../../tasks/collaboration-process/workflow-log-reactor';
import { OrgStreams } from '../org-streams';
import { STREAM_READING_BOUNDS } from '../../stream-reading-transaction';
import { AssignmentBoard, type WaitingCase } from './assignment-board';

const ASSIGNER: ActorRef = { id: 'workflow.assign-agent', kind: 'service' };

/** A bound on one event's work, should the board keep showing a case as waiting after it was given away. */
const MAX_ASSIGNMENTS_PER_QUEUE = 200;

const CASE_EVENT_TYPES: ReadonlySet<string> = new Set(WORKFLOW_CASE_EVENT_TYPES);

/**
 * 分派: inside a queue, a waiting case goes to the agent with room who matches its skills best,
 * then speaks its language (only a speaker, where the queue requires it), then carries the least
 * load (pickAgent). Follows workflow's own log:
 * a case routed or transferred into a queue, an agent enrolled or given room, a case resolved,
 * cancelled, reassigned or transferred away from its owner; each time the queues concerned are
 * served oldest-waiting case first, until nobody has room. Nobody with room: the case waits.
 *
 * Decides from the assignment board, which it keeps itself from every case and agent event it
 * follows, before it reacts to the event, and after each case it assigns: it never waits on
 * another follower's read model. Exactly once in effect: the checkpoint moves after each batch
 * (at least once), the board skips what it holds already, and the event ids of AssignCase derive
 * from the triggering event and the case (a replay appends nothing twice).
 */
@Injectable()
export class AssignAgentProcessManager extends WorkflowLogReactor {
  readonly name = 'workflow.assign-agent';
  readonly handles = [...WORKFLOW_CASE_EVENT_TYPES, ...AGENT_EVENT_TYPES];
  @Inject(CLOCK) private readonly clock!: Clock;

  constructor(
    private readonly directory: OrgStreams,
    private readonly board: AssignmentBoard,
    private readonly cases: CaseCommandHandler,
  ) {
    super();
  }

  /** A batch's board changes and checkpoint commit together (distributed; see AssignmentBoard.transaction). */
  get batchTransaction(): BatchTransaction | undefined {
    return this.board.transaction;
  }

  readonly transactionBounds: TransactionBounds = STREAM_READING_BOUNDS;

  protected async reactTo(event: RecordedEvent): Promise<void> {
    const triggers = assignmentTriggersOf({ type: event.type, data: event.data });
    // Who held the case is read before the board takes this event in.
    const previousOwner = triggers.some((trigger) => trigger.kind === 'previous-owner') ? await this.ownerBefore(event) : undefined;
    if (CASE_EVENT_TYPES.has(event.type)) await this.board.applyCase(event);
    else await this.board.refreshAgent(String(event.data['agentId']));
    const queues = new Set<string>();
    for (const trigger of triggers)
      for (const queue of await this.queuesOf(trigger, previousOwner)) queues.add(queue);
    for (const queue of queues) await this.serve(queue, event);
  }

  /** The queues a trigger makes worth serving again. */
  private async queuesOf(trigger: AssignmentTrigger, previousOwner: string | undefined): Promise<readonly string[]> {
    switch (trigger.kind) {
      case 'queue':
        return [trigger.queue];
      case 'agent':
        return this.queuesServedBy(trigger.agentId);
      case 'previous-owner':
        return previousOwner === undefined ? [] : this.queuesServedBy(previousOwner);
    }
  }

  private async queuesServedBy(agentId: string): Promise<readonly string[]> {
    const { state } = await this.directory.agents.load(agentStreamId(agentId));
    return state.status === 'active' ? state.agent.queues : [];
  }

  /** Who owned the case just before this event: from the board, or (when it is ahead) the case's own stream. */
  private async ownerBefore(event: RecordedEvent): Promise<string | undefined> {
    const onBoard = await this.board.ownerBefore(event);
    if (onBoard.known) return onBoard.owner;
    const history = await this.cases.recorded(event.streamId);
    const before = history.filter((recorded) => recorded.streamVersion < event.streamVersion);
    const state = fold(
      workflowCaseDecider,
      before.map((recorded) => ({ type: recorded.type, data: recorded.data }) as WorkflowCaseEvent),
    );
    return 'ownerId' in state ? state.ownerId : undefined;
  }

  /**
   * Gives the queue's waiting cases, oldest first, to agents with room, until none is left or nobody
   * has room. Nobody serving the queue with room (the usual state of a busy queue): no case of it
   * can be given, so neither the queue's needs nor its waiting cases are read.
   */
  private async serve(queue: string, trigger: RecordedEvent): Promise<void> {
    const passedOver: string[] = [];
    let queueNeeds: QueueNeeds | undefined;
    for (let given = 0; given < MAX_ASSIGNMENTS_PER_QUEUE; given += 1) {
      const agents = await this.board.agentsOfQueue(queue);
      if (!agents.some(hasRoom)) return;
      const waiting = await this.board.longestWaiting(queue, passedOver);
      if (!waiting) return;
      queueNeeds ??= await this.needsOf(queue);
      const pick = pickAgent(agents, assignmentNeedsOf(waiting, queueNeeds));
      if (!pick) return;
      const assigned = await this.assign(waiting, pick, trigger);
      // Given now: the board takes in what was appended. Moved on meanwhile: it learns the case as its stream has it.
      if (assigned) await this.board.applyAppended(waiting.caseId, assigned.events, assigned.version);
      else {
        await this.board.refreshCase(waiting.caseId);
        passedOver.push(waiting.caseId);
      }
    }
  }
  /** The skills the queue asks of every case's owner, and whether its cases' language is required. */
  private async needsOf(queue: string): Promise<QueueNeeds> {
    const { state } = await this.directory.queues.load(queueStreamId(queue));
    // A retired queue's cases are still served as it said.
    return state.status !== 'undefined'
      ? { skills: state.queue.skills, languageRule: state.queue.languageRule }
      : { skills: [], languageRule: 'PREFERRED' };
  }

  /**
   * What was appended when the case got its owner (now, or nothing new by an earlier run of this
   * very event); undefined when it moved on.
   */
  private async assign(
    waiting: WaitingCase,
    pick: { agentId: string; reason: string; agentLoad: AgentLoad },
    trigger: RecordedEvent,
  ): Promise<{ events: readonly WorkflowCaseEvent[]; version: number } | undefined> {
    const { caseId, queue } = waiting;
    try {
      const handled = await this.cases.handle(
        {
          type: 'AssignCase',
          caseId,
          queue,
          agentId: pick.agentId,
          agentLoad: pick.agentLoad,
          overrideCapacity: false,
          actor: ASSIGNER,
          reason: pick.reason,
        },
        { now: this.clock.now() },
        {
          metadata: {
            correlationId: trigger.metadata.correlationId,
            causationId: trigger.id,
            actor: ASSIGNER,
          },
          // The version decided on joins the id: a replay meets the same version and appends nothing;
          // a case that came back to the queue since is a new situation with ids of its own.
          eventIdFor: (_assigned, index, version) =>
            deterministicEventId(trigger.id, `assign-agent/${caseId}@${version}/${index}`),
        },
      );
      return { events: handled.events, version: handled.version };
    } catch (error) {
      // The case moved on meanwhile (owned, transferred, cancelled): not an error, the next waiting case is served.
      if (
        error instanceof Conflict ||
        error instanceof IllegalTransition ||
        error instanceof EventIdConflict
      ) {
        this.logger.debug(`case ${caseId} no longer waits in ${queue}: ${error.message}`);
        return undefined;
      }
      throw error;
    }
  }
}
