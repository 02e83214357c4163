import { ValidationFailed, assertNever, type Decider, type FieldError } from '@collab/domain-kernel';
import type { ActorRef } from '../actor';
import type { ResponsibilityEvent, ResponsibilityScope } from './org.events';
import { NOTHING_REFERENCED, type OrgDecisionContext, type ReferencedIds } from './org-references';
import { IllegalOrgChange, checkRegion, checkText } from './org-values';
import { scopeKey, type ResponsibilityEntry } from './responsibility-matrix';

/** The request types of DESIGN.md §4, spelled as intake records them: CONSULT, COMPLAINT, FAULT, … */
export const REQUEST_TYPE_PATTERN = /^[A-Z][A-Z_]{1,31}$/;
/** A category path: `billing`, `billing/wrong-charge`. */
export const CATEGORY_PATH_PATTERN = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*){0,7}$/;

export interface AssignResponsibility {
  readonly type: 'AssignResponsibility';
  /** A fresh id, chosen by the caller. */
  readonly entryId: string;
  readonly scope: ResponsibilityScope;
  readonly unitId: string;
  readonly queueId?: string;
  readonly actor: ActorRef;
  readonly reason?: string;
}

export interface WithdrawResponsibility {
  readonly type: 'WithdrawResponsibility';
  readonly entryId: string;
  readonly actor: ActorRef;
  readonly reason: string;
}

export type ResponsibilityCommand = AssignResponsibility | WithdrawResponsibility;

export interface ResponsibilityMatrixState {
  readonly version: number;
  /** The standing entries by id; a withdrawn entry is gone. */
  readonly entries: Readonly<Record<string, ResponsibilityEntry>>;
}

const evolve = (state: ResponsibilityMatrixState, event: ResponsibilityEvent): ResponsibilityMatrixState => {
  const version = state.version + 1;
  switch (event.type) {
    case 'ResponsibilityAssigned': {
      const { entryId, scope, unitId, queueId, assignedAt } = event.data;
      return {
        version,
        entries: { ...state.entries, [entryId]: { entryId, scope, unitId, queueId, assignedAt } },
      };
    }
    case 'ResponsibilityWithdrawn': {
      const { [event.data.entryId]: _withdrawn, ...entries } = state.entries;
      return { version, entries };
    }
    default:
      return assertNever(event);
  }
};

const scopeErrors = (scope: ResponsibilityScope): FieldError[] => [
  ...(scope.requestType !== undefined && !REQUEST_TYPE_PATTERN.test(scope.requestType)
    ? [{ field: 'requestType', message: 'must be a request type such as COMPLAINT or FAULT' }]
    : []),
  ...(scope.category !== undefined && !CATEGORY_PATH_PATTERN.test(scope.category)
    ? [{ field: 'category', message: 'must be a category path such as billing or billing/refund' }]
    : []),
  ...(scope.region !== undefined ? checkRegion('region', scope.region) : []),
];

/** A unit with (optionally) one of its own queues, or a partner without one. */
const responsibleErrors = (
  command: AssignResponsibility,
  known: OrgDecisionContext['known'],
): FieldError[] => {
  const [unit, partner] = [known.units[command.unitId], known.partners[command.unitId]];
  if (!unit && !partner) return [{ field: 'unitId', message: `no unit or partner ${command.unitId} exists` }];
  if (command.queueId === undefined) return [];
  if (!unit)
    return [
      {
        field: 'queueId',
        message: `${command.unitId} is a partner; partners are reached by collaboration tasks, not queues`,
      },
    ];
  return known.queues[command.queueId]?.unitId === command.unitId
    ? []
    : [{ field: 'queueId', message: `${command.unitId} has no queue ${command.queueId}` }];
};

const rejectIfAny = (errors: readonly FieldError[]): void => {
  if (errors.length > 0) throw new ValidationFailed(errors);
};

const assign = (
  command: AssignResponsibility,
  state: ResponsibilityMatrixState,
  { now, known }: OrgDecisionContext,
): ResponsibilityEvent[] => {
  rejectIfAny([...scopeErrors(command.scope), ...responsibleErrors(command, known)]);
  const key = scopeKey(command.scope);
  const same = Object.values(state.entries).find((entry) => scopeKey(entry.scope) === key);
  if (same)
    throw new IllegalOrgChange(
      command.type,
      'assigned',
      `entry ${same.entryId} already covers ${key}; withdraw it first`,
    );
  if (state.entries[command.entryId])
    throw new IllegalOrgChange(command.type, 'assigned', `entry ${command.entryId} already exists`);
  const { entryId, scope, unitId, actor, reason } = command;
  const why = reason === undefined ? {} : { reason };
  const data = {
    entryId,
    scope,
    unitId,
    queueId: command.queueId ?? null,
    actor,
    ...why,
    assignedAt: now.toISOString(),
  };
  return [{ type: 'ResponsibilityAssigned', data }];
};

const withdraw = (
  command: WithdrawResponsibility,
  state: ResponsibilityMatrixState,
  { now }: OrgDecisionContext,
): ResponsibilityEvent[] => {
  if (!state.entries[command.entryId])
    throw new IllegalOrgChange(command.type, 'withdrawn', `no standing entry ${command.entryId}`);
  rejectIfAny(checkText('reason', command.reason, 500));
  const { entryId, actor, reason } = command;
  return [
    { type: 'ResponsibilityWithdrawn', data: { entryId, actor, reason, withdrawnAt: now.toISOString() } },
  ];
};

const decide = (
  command: ResponsibilityCommand,
  state: ResponsibilityMatrixState,
  context: OrgDecisionContext,
): ResponsibilityEvent[] => {
  switch (command.type) {
    case 'AssignResponsibility':
      return assign(command, state, context);
    case 'WithdrawResponsibility':
      return withdraw(command, state, context);
    default:
      return assertNever(command);
  }
};

/** 职责矩阵: the whole matrix is one stream, so two entries for the same scope cannot both stand. */
export const responsibilityMatrixDecider: Decider<
  ResponsibilityCommand,
  ResponsibilityEvent,
  ResponsibilityMatrixState,
  OrgDecisionContext
> = {
  initialState: () => ({ version: 0, entries: {} }),
  evolve,
  decide,
};

/** The responsible party may be a unit or a partner: both are looked up. */
export const responsibilityReferences = (command: ResponsibilityCommand): ReferencedIds =>
  command.type === 'AssignResponsibility'
    ? {
        units: [command.unitId],
        partners: [command.unitId],
        queues: command.queueId === undefined ? [] : [command.queueId],
      }
    : NOTHING_REFERENCED;
