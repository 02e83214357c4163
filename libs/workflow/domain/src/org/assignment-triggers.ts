import type { WorkflowCaseEvent } from '../case.events';
import type { AssignmentNeeds } from '../agent-assignment';
import type { AgentEvent, LanguageRule } from './org.events';

/**
 * Where cases waiting for an owner may now find one, after a fact of workflow's log:
 * - `queue`: a case arrived in this queue (routed or transferred in, or reopened while its last
 *   owner had no room);
 * - `agent`: this agent may have room now (enrolled, more capacity, other queues or skills,
 *   back from leave, or a case reassigned away from them): their queues are worth a look;
 * - `previous-owner`: whoever owned the case before this event no longer holds it as open
 *   (resolved, cancelled, transferred away); the app finds them by folding the case's stream.
 * Each queue is served oldest-waiting case first.
 */
export type AssignmentTrigger =
  | { readonly kind: 'queue'; readonly queue: string }
  | { readonly kind: 'agent'; readonly agentId: string }
  | { readonly kind: 'previous-owner'; readonly caseId: string };

type Triggering = WorkflowCaseEvent | AgentEvent | { readonly type: string; readonly data: unknown };

const CASE_TRIGGERS: {
  readonly [Type in WorkflowCaseEvent['type']]?: (
    data: Extract<WorkflowCaseEvent, { type: Type }>['data'],
  ) => AssignmentTrigger[];
} = {
  CaseQueued: (data) => [{ kind: 'queue', queue: data.queue }],
  CaseTransferred: (data) => [
    { kind: 'previous-owner', caseId: data.caseId },
    { kind: 'queue', queue: data.to.queue },
  ],
  CaseReassigned: (data) => [{ kind: 'agent', agentId: data.fromAgentId }],
  CaseResolved: (data) => [{ kind: 'previous-owner', caseId: data.caseId }],
  CaseCancelled: (data) => [{ kind: 'previous-owner', caseId: data.caseId }],
  // Reopened without room for its last owner: it waits in its queue like a case just routed there.
  CaseReopened: (data) => (data.waitsForRoom ? [{ kind: 'queue', queue: data.queue }] : []),
};

/** An agent change that may give them room or a better match; deactivation gives nobody room. */
const AGENT_TRIGGERS: { readonly [Type in AgentEvent['type']]: boolean } = {
  AgentEnrolled: true,
  AgentChanged: true,
  AgentReactivated: true,
  AgentCrossUnitMembershipGranted: true,
  AgentDeactivated: false,
};

/** Every event of an agent's stream: each may change how assignment sees the agent. */
export const AGENT_EVENT_TYPES: readonly string[] = Object.keys(AGENT_TRIGGERS);

/** The event types that may make a waiting case and an agent with room meet. */
export const ASSIGNMENT_TRIGGER_TYPES: readonly string[] = [...Object.keys(CASE_TRIGGERS), ...Object.keys(AGENT_TRIGGERS)];

export const assignmentTriggersOf = (event: Triggering): AssignmentTrigger[] => {
  if (Object.hasOwn(AGENT_TRIGGERS, event.type))
    return AGENT_TRIGGERS[event.type as AgentEvent['type']]
      ? [{ kind: 'agent', agentId: (event as AgentEvent).data.agentId }]
      : [];
  const trigger = CASE_TRIGGERS[event.type as WorkflowCaseEvent['type']] as
    ((data: unknown) => AssignmentTrigger[]) | undefined;
  return trigger ? trigger(event.data) : [];
};

/** What a waiting case asks of its owner, as far as assignment looks at it. */
export interface WaitingCaseFacts {
  readonly requestType: string;
  readonly category: string;
  readonly language: string;
}

/** What the case's queue adds to its needs: skills for every case, and how its language counts. */
export interface QueueNeeds {
  readonly skills: readonly string[];
  readonly languageRule: LanguageRule;
}

const NO_QUEUE_NEEDS: QueueNeeds = { skills: [], languageRule: 'PREFERRED' };

/**
 * The skills a case needs: its category's top segment (`billing` for `billing/refund`) and its
 * request type (`complaint`), in the lowercase the directory keeps skills in, plus any skills its
 * queue names for every case; and the case's language, required or preferred as its queue says.
 */
export const assignmentNeedsOf = (
  facts: WaitingCaseFacts,
  { skills: queueSkills, languageRule }: QueueNeeds = NO_QUEUE_NEEDS,
): AssignmentNeeds => {
  const [topCategory = ''] = facts.category.split('/');
  const skills = [topCategory.toLowerCase(), facts.requestType.toLowerCase(), ...queueSkills].filter(
    (skill) => skill.length > 0,
  );
  return { skills: [...new Set(skills)], language: facts.language, languageRule };
};
