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

export type AgentCommand = EnrolAgent | ChangeAgent | DeactivateAgent | ReactivateAgent;

export interface OrgAgent extends AgentSettings {
  readonly agentId: string;
}

export type AgentState =
  | { readonly status: 'unenrolled'; readonly version: 0 }
  | { readonly status: 'active' | 'inactive'; readonly version: number; readonly agent: OrgAgent };

type Enrolled = Extract<AgentState, { agent: OrgAgent }>;

const evolve = (state: AgentState, event: AgentEvent): AgentState => {
  if (event.type === 'AgentEnrolled') {
    const { actor: _actor, reason: _reason, enrolledAt: _enrolledAt, ...agent } = event.data;
    return { status: 'active', version: state.version + 1, agent };
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
  rejectIfAny([...checkAgentId('id', agent.agentId), ...settingsErrors(agent, known)]);
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
  rejectIfAny(settingsErrors(command.changes, known));
  const changes = differences(current.agent, command.changes);
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

const decide = (command: AgentCommand, state: AgentState, context: OrgDecisionContext): AgentEvent[] => {
  switch (command.type) {
    case 'EnrolAgent':
      return enrol(command, state, context);
    case 'ChangeAgent':
      return change(command, state, context);
    case 'DeactivateAgent':
    case 'ReactivateAgent':
      return switchActive(command, state, context);
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
  const settings: Partial<AgentSettings> =
    command.type === 'EnrolAgent' ? command : command.type === 'ChangeAgent' ? command.changes : {};
  return {
    units: settings.unitId === undefined ? [] : [settings.unitId],
    queues: settings.queues ?? [],
    partners: [],
  };
};
