import { ValidationFailed, assertNever, type Decider, type FieldError } from '@collab/domain-kernel';
import type { ActorRef } from '../actor';
import type { UnitEvent, UnitSettings } from './org.events';
import { NOTHING_REFERENCED, type OrgDecisionContext, type ReferencedIds } from './org-references';
import {
  IllegalOrgChange,
  UNIT_LEVELS,
  UNIT_TYPES,
  checkCalendarId,
  checkExpectedVersion,
  checkNames,
  checkOrgId,
  checkRegion,
  checkSupervisor,
  differences,
  levelRank,
  type UnitLevel,
} from './org-values';

export interface DefineUnit extends UnitSettings {
  readonly type: 'DefineUnit';
  readonly unitId: string;
  readonly level: UnitLevel;
  readonly actor: ActorRef;
  readonly reason?: string;
}

/** Changes some settings; a new `parentId` moves the unit with everything below it. */
export interface ChangeUnit {
  readonly type: 'ChangeUnit';
  readonly unitId: string;
  readonly changes: Partial<UnitSettings>;
  readonly actor: ActorRef;
  readonly reason?: string;
  /** If-Match: refused when the unit is no longer at this version. */
  readonly expectedVersion?: number;
}

export type UnitCommand = DefineUnit | ChangeUnit;

export interface OrgUnit extends UnitSettings {
  readonly unitId: string;
  readonly level: UnitLevel;
}

export type UnitState =
  | { readonly status: 'undefined'; readonly version: 0 }
  | { readonly status: 'defined'; readonly version: number; readonly unit: OrgUnit };

const evolve = (state: UnitState, event: UnitEvent): UnitState => {
  switch (event.type) {
    case 'UnitDefined': {
      const { actor: _actor, reason: _reason, definedAt: _definedAt, ...unit } = event.data;
      return { status: 'defined', version: state.version + 1, unit };
    }
    case 'UnitChanged': {
      if (state.status === 'undefined') return state;
      const {
        actor: _actor,
        reason: _reason,
        changedAt: _changedAt,
        unitId: _unitId,
        ...changes
      } = event.data;
      return { status: 'defined', version: state.version + 1, unit: { ...state.unit, ...changes } };
    }
    default:
      return assertNever(event);
  }
};

/**
 * Where a unit may hang: a group at the top, any other level under a unit of a higher level
 * (a department may sit right under the group), never under itself or one of its descendants.
 */
export const placementErrors = (
  unit: { readonly unitId: string; readonly level: UnitLevel; readonly parentId: string | null },
  known: OrgDecisionContext['known'],
): FieldError[] => {
  const { unitId, level, parentId } = unit;
  if (parentId === null)
    return level === 'GROUP'
      ? []
      : [{ field: 'parentId', message: `a ${level} must sit under a unit of a higher level` }];
  if (level === 'GROUP')
    return [{ field: 'parentId', message: 'a GROUP stands at the top and has no parent' }];
  if (parentId === unitId) return [{ field: 'parentId', message: `${unitId} cannot sit under itself` }];
  const parent = known.units[parentId];
  if (!parent) return [{ field: 'parentId', message: `no unit ${parentId} exists` }];
  if (parent.ancestorIds.includes(unitId))
    return [
      {
        field: 'parentId',
        message: `${parentId} is below ${unitId}: a unit cannot sit under its own descendant`,
      },
    ];
  if (levelRank(parent.level) >= levelRank(level))
    return [
      {
        field: 'parentId',
        message: `${parentId} is a ${parent.level}; a ${level} must sit under a higher level`,
      },
    ];
  return [];
};

const settingsErrors = (settings: Partial<UnitSettings>): FieldError[] => [
  ...(settings.names ? checkNames('names', settings.names) : []),
  ...(settings.unitType !== undefined && !UNIT_TYPES.includes(settings.unitType)
    ? [{ field: 'unitType', message: `must be one of ${UNIT_TYPES.join(', ')}` }]
    : []),
  ...(settings.region !== undefined ? checkRegion('region', settings.region) : []),
  ...(settings.calendarId !== undefined ? checkCalendarId('calendarId', settings.calendarId) : []),
  ...(settings.supervisorId !== undefined ? checkSupervisor('supervisorId', settings.supervisorId) : []),
];

const rejectIfAny = (errors: readonly FieldError[]): void => {
  if (errors.length > 0) throw new ValidationFailed(errors);
};

const define = (command: DefineUnit, state: UnitState, { now, known }: OrgDecisionContext): UnitEvent[] => {
  if (state.status !== 'undefined')
    throw new IllegalOrgChange(command.type, state.status, `unit ${command.unitId} already exists`);
  const { type: _type, actor, reason, ...unit } = command;
  const levelErrors = UNIT_LEVELS.includes(unit.level)
    ? []
    : [{ field: 'level', message: `must be one of ${UNIT_LEVELS.join(', ')}` }];
  rejectIfAny([...checkOrgId('id', unit.unitId), ...levelErrors, ...settingsErrors(unit)]);
  rejectIfAny(placementErrors(unit, known));
  const why = reason === undefined ? {} : { reason };
  return [{ type: 'UnitDefined', data: { ...unit, actor, ...why, definedAt: now.toISOString() } }];
};

const change = (command: ChangeUnit, state: UnitState, { now, known }: OrgDecisionContext): UnitEvent[] => {
  if (state.status === 'undefined')
    throw new IllegalOrgChange(command.type, state.status, `unit ${command.unitId} does not exist`);
  checkExpectedVersion(command, state);
  rejectIfAny(settingsErrors(command.changes));
  const changes = differences(state.unit, command.changes);
  if (changes.parentId !== undefined)
    rejectIfAny(placementErrors({ ...state.unit, parentId: changes.parentId }, known));
  if (Object.keys(changes).length === 0) return [];
  const why = command.reason === undefined ? {} : { reason: command.reason };
  return [
    {
      type: 'UnitChanged',
      data: {
        unitId: command.unitId,
        ...changes,
        actor: command.actor,
        ...why,
        changedAt: now.toISOString(),
      },
    },
  ];
};

const decide = (command: UnitCommand, state: UnitState, context: OrgDecisionContext): UnitEvent[] => {
  switch (command.type) {
    case 'DefineUnit':
      return define(command, state, context);
    case 'ChangeUnit':
      return change(command, state, context);
    default:
      return assertNever(command);
  }
};

/** One unit of the hierarchy; its level is fixed for life (a reorganisation defines new units). */
export const unitDecider: Decider<UnitCommand, UnitEvent, UnitState, OrgDecisionContext> = {
  initialState: () => ({ status: 'undefined', version: 0 }),
  evolve,
  decide,
};

/** The ids a unit command names, for the app to look up before deciding. */
export const unitReferences = (command: UnitCommand): ReferencedIds => {
  const parentId = command.type === 'DefineUnit' ? command.parentId : command.changes.parentId;
  return parentId ? { ...NOTHING_REFERENCED, units: [parentId] } : NOTHING_REFERENCED;
};
