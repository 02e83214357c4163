import { ValidationFailed, assertNever, type Decider, type FieldError } from '@collab/domain-kernel';
import type { ActorRef } from '../actor';
import { LANGUAGE_RULES, type QueueEvent, type QueueSettings } from './org.events';
import { NOTHING_REFERENCED, type OrgDecisionContext, type ReferencedIds } from './org-references';
import {
  IllegalOrgChange,
  checkExpectedVersion,
  checkList,
  checkOrgId,
  checkSkill,
  checkText,
  differences,
} from './org-values';

export interface DefineQueue extends QueueSettings {
  readonly type: 'DefineQueue';
  readonly queueId: string;
  readonly actor: ActorRef;
  readonly reason?: string;
}

export interface ChangeQueue {
  readonly type: 'ChangeQueue';
  readonly queueId: string;
  readonly changes: Partial<QueueSettings>;
  readonly actor: ActorRef;
  readonly reason?: string;
  readonly expectedVersion?: number;
}

/** Where a process routes cases to a queue: a rule of its latest version, or its fallback. */
export interface QueueRoute {
  readonly processId: string;
  readonly version: number;
  /** The rule's id, or null for the fallback. */
  readonly ruleId: string | null;
}

/**
 * Retire a queue. `routedBy` is every route the active processes' latest versions have to it, as
 * the app found them: retiring is refused while there is any, or cases would go where nobody works.
 */
export interface RetireQueue {
  readonly type: 'RetireQueue';
  readonly queueId: string;
  readonly routedBy: readonly QueueRoute[];
  readonly actor: ActorRef;
  readonly reason: string;
}

export type QueueCommand = DefineQueue | ChangeQueue | RetireQueue;

/** Every route of these process versions to the queue, rules in order, then the fallback. */
export const routesTo = (
  queueId: string,
  processes: readonly {
    readonly processId: string;
    readonly version: number;
    readonly routingRules: readonly { readonly id: string; readonly queue: string }[];
    readonly fallback: { readonly queue: string };
  }[],
): QueueRoute[] =>
  processes.flatMap(({ processId, version, routingRules, fallback }) => [
    ...routingRules
      .filter((rule) => rule.queue === queueId)
      .map((rule) => ({ processId, version, ruleId: rule.id })),
    ...(fallback.queue === queueId ? [{ processId, version, ruleId: null }] : []),
  ]);

const routeText = ({ processId, version, ruleId }: QueueRoute): string =>
  `process ${processId} v${version} (${ruleId === null ? 'fallback' : `rule ${ruleId}`})`;

export interface OrgQueue extends QueueSettings {
  readonly queueId: string;
}

export type QueueState =
  | { readonly status: 'undefined'; readonly version: 0 }
  | { readonly status: 'defined' | 'retired'; readonly version: number; readonly queue: OrgQueue };

const evolve = (state: QueueState, event: QueueEvent): QueueState => {
  switch (event.type) {
    case 'QueueDefined': {
      const { actor: _actor, reason: _reason, definedAt: _definedAt, ...queue } = event.data;
      return { status: 'defined', version: state.version + 1, queue };
    }
    case 'QueueChanged': {
      if (state.status === 'undefined') return state;
      const {
        actor: _actor,
        reason: _reason,
        changedAt: _changedAt,
        queueId: _queueId,
        ...changes
      } = event.data;
      return { ...state, version: state.version + 1, queue: { ...state.queue, ...changes } };
    }
    case 'QueueRetired':
      return state.status === 'undefined' ? state : { ...state, status: 'retired', version: state.version + 1 };
    default:
      return assertNever(event);
  }
};

const settingsErrors = (
  settings: Partial<QueueSettings>,
  known: OrgDecisionContext['known'],
): FieldError[] => [
  ...(settings.name !== undefined ? checkText('name', settings.name) : []),
  ...(settings.skills ? checkList('skills', settings.skills, checkSkill) : []),
  ...(settings.languageRule !== undefined && !LANGUAGE_RULES.includes(settings.languageRule)
    ? [{ field: 'languageRule', message: `must be one of ${LANGUAGE_RULES.join(', ')}` }]
    : []),
  ...(settings.unitId !== undefined && !known.units[settings.unitId]
    ? [{ field: 'unitId', message: `no unit ${settings.unitId} exists` }]
    : []),
];

const rejectIfAny = (errors: readonly FieldError[]): void => {
  if (errors.length > 0) throw new ValidationFailed(errors);
};

const define = (
  command: DefineQueue,
  state: QueueState,
  { now, known }: OrgDecisionContext,
): QueueEvent[] => {
  if (state.status !== 'undefined')
    throw new IllegalOrgChange(command.type, state.status, `queue ${command.queueId} already exists`);
  const { type: _type, actor, reason, ...queue } = command;
  rejectIfAny([...checkOrgId('id', queue.queueId), ...settingsErrors(queue, known)]);
  const why = reason === undefined ? {} : { reason };
  return [{ type: 'QueueDefined', data: { ...queue, actor, ...why, definedAt: now.toISOString() } }];
};

const change = (
  command: ChangeQueue,
  state: QueueState,
  { now, known }: OrgDecisionContext,
): QueueEvent[] => {
  if (state.status !== 'defined')
    throw new IllegalOrgChange(command.type, state.status, `queue ${command.queueId} ${state.status === 'retired' ? 'is retired' : 'does not exist'}`);
  checkExpectedVersion(command, state);
  rejectIfAny(settingsErrors(command.changes, known));
  const changes = differences(state.queue, command.changes);
  // A unit's own desk carries the unit's id (queue `billing` of unit `billing`); elsewhere that id would name two things.
  if (changes.unitId !== undefined && state.queue.queueId === state.queue.unitId)
    rejectIfAny([
      { field: 'unitId', message: `queue ${command.queueId} carries the id of its unit and stays with it` },
    ]);
  if (Object.keys(changes).length === 0) return [];
  const why = command.reason === undefined ? {} : { reason: command.reason };
  return [
    {
      type: 'QueueChanged',
      data: {
        queueId: command.queueId,
        ...changes,
        actor: command.actor,
        ...why,
        changedAt: now.toISOString(),
      },
    },
  ];
};

const retire = (command: RetireQueue, state: QueueState, { now }: OrgDecisionContext): QueueEvent[] => {
  if (state.status !== 'defined')
    throw new IllegalOrgChange(command.type, state.status, `queue ${command.queueId} ${state.status === 'retired' ? 'is already retired' : 'does not exist'}`);
  rejectIfAny(checkText('reason', command.reason, 500));
  if (command.routedBy.length > 0)
    throw new IllegalOrgChange(
      command.type,
      state.status,
      `${command.routedBy.map(routeText).join(', ')} still route${command.routedBy.length === 1 ? 's' : ''} cases to queue ${command.queueId}; publish versions that route elsewhere first`,
    );
  const { queueId, actor, reason } = command;
  return [{ type: 'QueueRetired', data: { queueId, actor, reason, retiredAt: now.toISOString() } }];
};

const decide = (command: QueueCommand, state: QueueState, context: OrgDecisionContext): QueueEvent[] => {
  switch (command.type) {
    case 'DefineQueue':
      return define(command, state, context);
    case 'ChangeQueue':
      return change(command, state, context);
    case 'RetireQueue':
      return retire(command, state, context);
    default:
      return assertNever(command);
  }
};

/** A queue of one unit, where that unit's cases wait for an owner, until it is retired. */
export const queueDecider: Decider<QueueCommand, QueueEvent, QueueState, OrgDecisionContext> = {
  initialState: () => ({ status: 'undefined', version: 0 }),
  evolve,
  decide,
};

export const queueReferences = (command: QueueCommand): ReferencedIds => {
  if (command.type === 'RetireQueue') return NOTHING_REFERENCED;
  const unitId = command.type === 'DefineQueue' ? command.unitId : command.changes.unitId;
  return unitId === undefined ? NOTHING_REFERENCED : { ...NOTHING_REFERENCED, units: [unitId] };
};
