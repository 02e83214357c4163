import { Forbidden, holds } from '@collab/domain-kernel';
import type { Principal } from '@collab/service-kit';
import type { RoutedCaseState } from './case-commands';

/**
 * Who may run a lifecycle command on a case they can see:
 * - `requester`: the person the case is for (their own case only: the case is loaded as they see it);
 * - `staff`: internal staff (agent, supervisor, back office, admin) — partners never act on cases;
 * - `manager`: a supervisor or admin among the staff;
 * - `owner`: the staff member who owns the case now.
 */
export type CaseRole = 'requester' | 'staff' | 'manager' | 'owner';

const isStaff = (principal: Principal): boolean => holds(principal, 'staff');

const ownerOf = (state: RoutedCaseState): string | null => ('ownerId' in state ? state.ownerId : null);

const HOLDS: Readonly<Record<CaseRole, (principal: Principal, state: RoutedCaseState) => boolean>> = {
  requester: (principal, state) =>
    state.summary.requesterId !== undefined && state.summary.requesterId === principal.subject,
  staff: isStaff,
  manager: (principal) => holds(principal, 'manager'),
  owner: (principal, state) => isStaff(principal) && ownerOf(state) === principal.subject,
};

const WHO: Readonly<Record<CaseRole, string>> = {
  requester: 'the requester',
  staff: 'internal staff',
  manager: 'a supervisor or admin',
  owner: 'the owner of the case',
};

/** Forbidden (403) unless the caller holds one of the roles on this case. */
export const requireCaseRole = (
  principal: Principal,
  state: RoutedCaseState,
  allowed: readonly CaseRole[],
  doing: string,
): void => {
  if (allowed.some((role) => HOLDS[role](principal, state))) return;
  throw new Forbidden(`only ${allowed.map((role) => WHO[role]).join(' or ')} ${doing}`);
};
