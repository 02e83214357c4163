import { ValidationFailed, assertNever, type Decider, type FieldError } from '@collab/domain-kernel';
import type { ActorRef } from '../actor';
import type { PartnerEvent, PartnerSettings } from './org.events';
import type { OrgDecisionContext } from './org-references';
import {
  IllegalOrgChange,
  checkCalendarId,
  checkExpectedVersion,
  checkList,
  checkNames,
  checkOrgId,
  checkRegion,
  checkSupervisor,
  checkText,
  differences,
} from './org-values';

export interface RegisterPartner extends PartnerSettings {
  readonly type: 'RegisterPartner';
  readonly partnerId: string;
  readonly actor: ActorRef;
  readonly reason?: string;
}

export interface ChangePartner {
  readonly type: 'ChangePartner';
  readonly partnerId: string;
  readonly changes: Partial<PartnerSettings>;
  readonly actor: ActorRef;
  readonly reason?: string;
  readonly expectedVersion?: number;
}

export interface DeactivatePartner {
  readonly type: 'DeactivatePartner';
  readonly partnerId: string;
  readonly actor: ActorRef;
  readonly reason: string;
}

export interface ReactivatePartner {
  readonly type: 'ReactivatePartner';
  readonly partnerId: string;
  readonly actor: ActorRef;
  readonly reason: string;
}

export type PartnerCommand = RegisterPartner | ChangePartner | DeactivatePartner | ReactivatePartner;

export interface OrgPartner extends PartnerSettings {
  readonly partnerId: string;
}

export type PartnerState =
  | { readonly status: 'unregistered'; readonly version: 0 }
  | { readonly status: 'active' | 'inactive'; readonly version: number; readonly partner: OrgPartner };

type Registered = Extract<PartnerState, { partner: OrgPartner }>;

const evolve = (state: PartnerState, event: PartnerEvent): PartnerState => {
  if (event.type === 'PartnerRegistered') {
    const { actor: _actor, reason: _reason, registeredAt: _registeredAt, ...partner } = event.data;
    return { status: 'active', version: state.version + 1, partner };
  }
  if (state.status === 'unregistered') return state;
  const version = state.version + 1;
  switch (event.type) {
    case 'PartnerChanged': {
      const {
        actor: _actor,
        reason: _reason,
        changedAt: _changedAt,
        partnerId: _partnerId,
        ...changes
      } = event.data;
      return { ...state, version, partner: { ...state.partner, ...changes } };
    }
    case 'PartnerDeactivated':
      return { ...state, version, status: 'inactive' };
    case 'PartnerReactivated':
      return { ...state, version, status: 'active' };
    default:
      return assertNever(event);
  }
};

const settingsErrors = (settings: Partial<PartnerSettings>): FieldError[] => [
  ...(settings.names ? checkNames('names', settings.names) : []),
  ...(settings.regions ? checkList('regions', settings.regions, checkRegion) : []),
  ...(settings.regions?.length === 0 ? [{ field: 'regions', message: 'must name at least one region' }] : []),
  ...(settings.calendarId !== undefined ? checkCalendarId('calendarId', settings.calendarId) : []),
  ...(settings.supervisorId !== undefined ? checkSupervisor('supervisorId', settings.supervisorId) : []),
];

const rejectIfAny = (errors: readonly FieldError[]): void => {
  if (errors.length > 0) throw new ValidationFailed(errors);
};

const registered = (command: PartnerCommand, state: PartnerState): Registered => {
  if (state.status === 'unregistered')
    throw new IllegalOrgChange(command.type, state.status, `partner ${command.partnerId} is not registered`);
  return state;
};

const register = (
  command: RegisterPartner,
  state: PartnerState,
  { now }: OrgDecisionContext,
): PartnerEvent[] => {
  if (state.status !== 'unregistered')
    throw new IllegalOrgChange(command.type, state.status, `partner ${command.partnerId} already exists`);
  const { type: _type, actor, reason, ...partner } = command;
  rejectIfAny([...checkOrgId('id', partner.partnerId), ...settingsErrors(partner)]);
  const why = reason === undefined ? {} : { reason };
  return [
    { type: 'PartnerRegistered', data: { ...partner, actor, ...why, registeredAt: now.toISOString() } },
  ];
};

const change = (command: ChangePartner, state: PartnerState, { now }: OrgDecisionContext): PartnerEvent[] => {
  const current = registered(command, state);
  checkExpectedVersion(command, current);
  rejectIfAny(settingsErrors(command.changes));
  const changes = differences(current.partner, command.changes);
  if (Object.keys(changes).length === 0) return [];
  const why = command.reason === undefined ? {} : { reason: command.reason };
  return [
    {
      type: 'PartnerChanged',
      data: {
        partnerId: command.partnerId,
        ...changes,
        actor: command.actor,
        ...why,
        changedAt: now.toISOString(),
      },
    },
  ];
};

const switchActive = (
  command: DeactivatePartner | ReactivatePartner,
  state: PartnerState,
  { now }: OrgDecisionContext,
): PartnerEvent[] => {
  const wanted = command.type === 'DeactivatePartner' ? 'inactive' : 'active';
  if (registered(command, state).status === wanted)
    throw new IllegalOrgChange(
      command.type,
      state.status,
      `partner ${command.partnerId} is already ${wanted}`,
    );
  rejectIfAny(checkText('reason', command.reason, 500));
  const { partnerId, actor, reason } = command;
  const at = now.toISOString();
  return command.type === 'DeactivatePartner'
    ? [{ type: 'PartnerDeactivated', data: { partnerId, actor, reason, deactivatedAt: at } }]
    : [{ type: 'PartnerReactivated', data: { partnerId, actor, reason, reactivatedAt: at } }];
};

const decide = (
  command: PartnerCommand,
  state: PartnerState,
  context: OrgDecisionContext,
): PartnerEvent[] => {
  switch (command.type) {
    case 'RegisterPartner':
      return register(command, state, context);
    case 'ChangePartner':
      return change(command, state, context);
    case 'DeactivatePartner':
    case 'ReactivatePartner':
      return switchActive(command, state, context);
    default:
      return assertNever(command);
  }
};

/** A partner organisation: where it works, on which calendar, and who supervises its work. */
export const partnerDecider: Decider<PartnerCommand, PartnerEvent, PartnerState, OrgDecisionContext> = {
  initialState: () => ({ status: 'unregistered', version: 0 }),
  evolve,
  decide,
};
