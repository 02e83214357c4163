import { NotFound, isKnownRole, rolesGrantedIn, type Decider, type DecisionContext, type FieldError } from '@collab/domain-kernel';
import { rejectInvalid, requireText } from '../validation';
import type { GrantRole, RevokeRole, RoleGrantCommand, RoleGrantEvent } from './role-grants.events';

/** One held grant: the role, within the unit, since when and by whom. */
export interface HeldGrant {
  readonly unit: string;
  readonly role: string;
  readonly grantedAt: string;
  readonly grantedBy: string;
}

/** One user's grants, folded from their stream; the version counts every grant and revocation. */
export interface RoleGrantState {
  readonly version: number;
  readonly grants: readonly HeldGrant[];
}

/** Each user's grants are one stream: grants to two people never conflict. */
export const roleGrantStreamId = (userId: string): string => `role-grants-${userId}`;

export const SLUG = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/;

const commandErrors = (command: RoleGrantCommand): FieldError[] => [
  ...(SLUG.test(command.userId) ? [] : [{ field: 'userId', message: 'must be a user id: letters, digits, . _ @ - (at most 128)' }]),
  ...(SLUG.test(command.unit) ? [] : [{ field: 'unit', message: 'must be a unit id: letters, digits, . _ @ - (at most 128)' }]),
  // Deny by default: a role the policy does not know would grant nothing, so it is refused outright.
  ...(command.type === 'GrantRole' && !isKnownRole(command.role) ? [{ field: 'role', message: `"${command.role.slice(0, 64)}" is not a role the access policy knows` }] : []),
  ...(command.reason === null ? [] : requireText('reason', command.reason)),
];

const holds = (state: RoleGrantState, { unit, role }: { unit: string; role: string }): boolean =>
  state.grants.some((grant) => grant.unit === unit && grant.role === role);

const grant = (command: GrantRole, state: RoleGrantState, now: Date): RoleGrantEvent[] => {
  if (holds(state, command)) return [];
  const { userId, unit, role, actor, reason } = command;
  return [{ type: 'RoleGranted', data: { userId, unit, role, actor, reason, grantedAt: now.toISOString() } }];
};

const revoke = (command: RevokeRole, state: RoleGrantState, now: Date): RoleGrantEvent[] => {
  if (!holds(state, command)) throw new NotFound('role grant', `${command.userId} ${command.role} in ${command.unit}`);
  const { userId, unit, role, actor, reason } = command;
  return [{ type: 'RoleRevoked', data: { userId, unit, role, actor, reason, revokedAt: now.toISOString() } }];
};

const evolve = (state: RoleGrantState, event: RoleGrantEvent): RoleGrantState => {
  const others = state.grants.filter((held) => held.unit !== event.data.unit || held.role !== event.data.role);
  switch (event.type) {
    case 'RoleGranted':
      return { version: state.version + 1, grants: [...others, { unit: event.data.unit, role: event.data.role, grantedAt: event.data.grantedAt, grantedBy: event.data.actor.id }] };
    case 'RoleRevoked':
      return { version: state.version + 1, grants: others };
  }
};

/** A user's role grants per unit: given by an administrator, taken back, audited as events. */
export const roleGrantDecider: Decider<RoleGrantCommand, RoleGrantEvent, RoleGrantState, DecisionContext> = {
  initialState: () => ({ version: 0, grants: [] }),
  evolve,
  decide: (command, state, { now }) => {
    rejectInvalid(commandErrors(command));
    return command.type === 'GrantRole' ? grant(command, state, now) : revoke(command, state, now);
  },
};

/** The roles a caller gains from this user's grants (the rule every service applies). */
export const grantedTo = (state: RoleGrantState, tokenUnit: string | undefined): { roles: string[]; unit?: string } =>
  rolesGrantedIn(state.grants, tokenUnit);
