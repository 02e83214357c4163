import { ValidationFailed, assertNever, type Decider, type FieldError } from '@collab/domain-kernel';
import type { ActorRef } from '../actor';
import type { AgentEvent, AgentSettings } from './org.events';
import type { OrgDecisionContext, ReferencedIds } from './org-references';
import {
  IllegalOrgChange,
  checkAgentId,
  checkCapacity,
  checkExpectedVersion,
  checkLanguageRange,
  checkList,
  checkSkill,
  checkText,
  differences,
} from './org-values';

export interface EnrolAgent extends AgentSettings {
  readonly type: 'EnrolAgent';
  readonly agentId: string;
  readonly actor: ActorRef;
  readonly reason?: string;
}

export interface ChangeAgent {
  readonly type: 'ChangeAgent';
  readonly agentId: string;
  readonly changes: Partial<AgentSettings>;
  readonly actor: ActorRef;
  readonly reason?: string;
  readonly expectedVersion?: number;
}

export interface DeactivateAgent {
  readonly type: 'DeactivateAgent';
  readonly agentId: string;
  readonly actor: ActorRef;
  readonly reason: string;
}

export interface ReactivateAgent {
  readonly type: 'ReactivateAgent';
  readonly agentId: string;
  readonly actor: ActorRef;
  readonly reason: string;
}

/** 跨部门: lets the agent work a queue of another unit, explicitly and with a reason. */
export interface GrantCrossUnitMembership {
  readonly type: 'GrantCrossUnitMembership';
  readonly agentId: string;
  readonly queueId: string;
  readonly actor: ActorRef;
  readonly reason: string;
}

export type AgentCommand =
  | EnrolAgent
  | ChangeAgent
  | DeactivateAgent
  | ReactivateAgent
  | GrantCrossUnitMembership;

export interface OrgAgent extends AgentSettings {
  readonly agentId: string;
  /** Queues of other units the agent was explicitly let work (AgentCrossUnitMembershipGranted). */
  readonly crossUnitQueues: readonly string[];
}

export type AgentState =
  | { readonly status: 'unenrolled'; readonly version: 0 }
  | { readonly status: 'active' | 'inactive'; readonly version: number; readonly agent: OrgAgent };

type Enrolled = Extract<AgentState, { agent: OrgAgent }>;

const withGrant = (agent: OrgAgent, queueId: string): OrgAgent => ({
  ...agent,
  queues: agent.queues.includes(queueId) ? agent.queues : [...agent.queues, queueId],
  crossUnitQueues: [...agent.crossUnitQueues, queueId],
});

const evolve = (state: AgentState, event: AgentEvent): AgentState => {
  if (event.type === 'AgentEnrolled') {
    const { actor: _actor, reason: _reason, enrolledAt: _enrolledAt, ...agent } = event.data;
    return { status: 'active', version: state.version + 1, agent: { ...agent, crossUnitQueues: [] } };
  }
  if (state.status === 'unenrolled') return state;
  const version = state.version + 1;
  switch (event.type) {
    case 'AgentChanged': {
      const {
        actor: _actor,
        reason: _reason,
        changedAt: _changedAt,
        agentId: _agentId,
        ...changes
      } = event.data;
      return { ...state, version, agent: { ...state.agent, ...changes } };
    }
    case 'AgentDeactivated':
      return { ...state, version, status: 'inactive' };
    case 'AgentReactivated':
      return { ...state, version, status: 'active' };
    case 'AgentCrossUnitMembershipGranted':
      return { ...state, version, agent: withGrant(state.agent, event.data.queueId) };
    default:
      return assertNever(event);
  }
};

const referenceErrors = (
  settings: Partial<AgentSettings>,
  known: OrgDecisionContext['known'],
): FieldError[] => [
  ...(settings.unitId !== undefined && !known.units[settings.unitId]
    ? [{ field: 'unitId', message: `no unit ${settings.unitId} exists` }]
    : []),
  ...(settings.queues ?? []).flatMap((queueId, index) =>
    known.queues[queueId] ? [] : [{ field: `queues[${index}]`, message: `no queue ${queueId} exists` }],
  ),
];

const settingsErrors = (
  settings: Partial<AgentSettings>,
  known: OrgDecisionContext['known'],
): FieldError[] => [
  ...(settings.queues ? checkList('queues', settings.queues, () => []) : []),
  ...(settings.skills ? checkList('skills', settings.skills, checkSkill) : []),
  ...(settings.languages ? checkList('languages', settings.languages, checkLanguageRange) : []),
  ...(settings.capacity !== undefined ? checkCapacity('capacity', settings.capacity) : []),
  ...referenceErrors(settings, known),
];

/**
 * 跨部门: an agent works the queues of their own unit; a queue of another unit only through an
 * explicit cross-unit membership (GrantCrossUnitMembership), never by being listed on enrolment.
 */
const membershipErrors = (
  unitId: string,
  queues: readonly string[],
  granted: readonly string[],
  known: OrgDecisionContext['known'],
): FieldError[] =>
  queues.flatMap((queueId, index) => {
    const queue = known.queues[queueId];
    if (queue === undefined || queue.unitId === unitId || granted.includes(queueId)) return [];
    return [
      {
        field: `queues[${index}]`,
        message: `queue ${queueId} belongs to unit ${queue.unitId}, not ${unitId}: an agent works another unit's queue only through an explicit cross-unit membership`,
      },
    ];
  });

/** Moving an agent to another unit restates the queues they work there, unless all they have are grants. */
const unitMoveErrors = (current: OrgAgent, changes: Partial<AgentSettings>): FieldError[] =>
  changes.unitId !== undefined &&
  changes.unitId !== current.unitId &&
  changes.queues === undefined &&
  current.queues.some((queueId) => !current.crossUnitQueues.includes(queueId))
    ? [
        {
          field: 'queues',
          message: `must name the queues the agent works in unit ${changes.unitId}: theirs belong to unit ${current.unitId}`,
        },
      ]
    : [];

const rejectIfAny = (errors: readonly FieldError[]): void => {
  if (errors.length > 0) throw new ValidationFailed(errors);
};

const enrolled = (command: AgentCommand, state: AgentState): Enrolled => {
  if (state.status === 'unenrolled')
    throw new IllegalOrgChange(command.type, state.status, `agent ${command.agentId} is not enrolled`);
  return state;
};

const enrol = (command: EnrolAgent, state: AgentState, { now, known }: OrgDecisionContext): AgentEvent[] => {
  if (state.status !== 'unenrolled')
    throw new IllegalOrgChange(command.type, state.status, `agent ${command.agentId} is already enrolled`);
  const { type: _type, actor, reason, ...agent } = command;
  rejectIfAny([
    ...checkAgentId('id', agent.agentId),
    ...settingsErrors(agent, known),
    ...membershipErrors(agent.unitId, agent.queues, [], known),
  ]);
  const why = reason === undefined ? {} : { reason };
  return [{ type: 'AgentEnrolled', data: { ...agent, actor, ...why, enrolledAt: now.toISOString() } }];
};

const change = (
  command: ChangeAgent,
  state: AgentState,
  { now, known }: OrgDecisionContext,
): AgentEvent[] => {
  const current = enrolled(command, state);
  checkExpectedVersion(command, current);
  const { agent } = current;
  rejectIfAny([
    ...settingsErrors(command.changes, known),
    ...membershipErrors(
      command.changes.unitId ?? agent.unitId,
      command.changes.queues ?? [],
      agent.crossUnitQueues,
      known,
    ),
    ...unitMoveErrors(agent, command.changes),
  ]);
  const changes = differences(agent, command.changes);
  if (Object.keys(changes).length === 0) return [];
  const why = command.reason === undefined ? {} : { reason: command.reason };
  return [
    {
      type: 'AgentChanged',
      data: {
        agentId: command.agentId,
        ...changes,
        actor: command.actor,
        ...why,
        changedAt: now.toISOString(),
      },
    },
  ];
};

const switchActive = (
  command: DeactivateAgent | ReactivateAgent,
  state: AgentState,
  { now }: OrgDecisionContext,
): AgentEvent[] => {
  const wanted = command.type === 'DeactivateAgent' ? 'inactive' : 'active';
  if (enrolled(command, state).status === wanted)
    throw new IllegalOrgChange(command.type, state.status, `agent ${command.agentId} is already ${wanted}`);
  rejectIfAny(checkText('reason', command.reason, 500));
  const { agentId, actor, reason } = command;
  const at = now.toISOString();
  return command.type === 'DeactivateAgent'
    ? [{ type: 'AgentDeactivated', data: { agentId, actor, reason, deactivatedAt: at } }]
    : [{ type: 'AgentReactivated', data: { agentId, actor, reason, reactivatedAt: at } }];
};

const grant = (
  command: GrantCrossUnitMembership,
  state: AgentState,
  { now, known }: OrgDecisionContext,
): AgentEvent[] => {
  const { agent } = enrolled(command, state);
  const queue = known.queues[command.queueId];
  rejectIfAny([
    ...checkText('reason', command.reason, 500),
    ...(queue ? [] : [{ field: 'queueId', message: `no queue ${command.queueId} exists` }]),
  ]);
  if (queue!.unitId === agent.unitId)
    throw new IllegalOrgChange(
      command.type,
      state.status,
      `queue ${command.queueId} is of the agent's own unit ${agent.unitId}: they need no grant to work it`,
    );
  if (agent.crossUnitQueues.includes(command.queueId))
    throw new IllegalOrgChange(
      command.type,
      state.status,
      `agent ${command.agentId} already holds a cross-unit membership of queue ${command.queueId}`,
    );
  const { agentId, queueId, actor, reason } = command;
  const data = { agentId, queueId, queueUnitId: queue!.unitId, actor, reason, grantedAt: now.toISOString() };
  return [{ type: 'AgentCrossUnitMembershipGranted', data }];
};

const decide = (command: AgentCommand, state: AgentState, context: OrgDecisionContext): AgentEvent[] => {
  switch (command.type) {
    case 'EnrolAgent':
      return enrol(command, state, context);
    case 'ChangeAgent':
      return change(command, state, context);
    case 'DeactivateAgent':
    case 'ReactivateAgent':
      return switchActive(command, state, context);
    case 'GrantCrossUnitMembership':
      return grant(command, state, context);
    default:
      return assertNever(command);
  }
};

/** One agent: the queues they serve, what they can do, and how much they may hold at once. */
export const agentDecider: Decider<AgentCommand, AgentEvent, AgentState, OrgDecisionContext> = {
  initialState: () => ({ status: 'unenrolled', version: 0 }),
  evolve,
  decide,
};

export const agentReferences = (command: AgentCommand): ReferencedIds => {
  if (command.type === 'GrantCrossUnitMembership')
    return { units: [], queues: [command.queueId], partners: [] };
  const settings: Partial<AgentSettings> =
    command.type === 'EnrolAgent' ? command : command.type === 'ChangeAgent' ? command.changes : {};
  return {
    units: settings.unitId === undefined ? [] : [settings.unitId],
    queues: settings.queues ?? [],
    partners: [],
  };
};
