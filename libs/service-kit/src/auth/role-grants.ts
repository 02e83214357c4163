import type { ModuleRef } from '@nestjs/core';
import type { Principal } from './principal';

/** What grants add to a caller: roles, and the unit where the token names none. */
export interface GrantedRoles {
  readonly roles: readonly string[];
  readonly unit?: string;
}

/**
 * Role grants per user and unit, for tokens that do not carry roles (issue 13): the service that
 * keeps them binds this token, and the auth guard adds what it grants to the principal. A granted
 * role grants exactly what the access policy says it does, in its audiences only; an unknown one
 * grants nothing (deny by default holds).
 */
export interface RoleGrantSource {
  grantedTo(principal: Principal): Promise<GrantedRoles>;
}

export const ROLE_GRANT_SOURCE = Symbol('ROLE_GRANT_SOURCE');

/** The principal with the roles granted to it; unchanged without a source or grants. */
export const withGrantedRoles = async (principal: Principal, source: RoleGrantSource | null): Promise<Principal> => {
  if (source === null) return principal;
  const granted = await source.grantedTo(principal);
  if (granted.roles.length === 0) return principal;
  return {
    ...principal,
    roles: [...new Set([...principal.roles, ...granted.roles])],
    ...(principal.unit === undefined && granted.unit !== undefined ? { unit: granted.unit } : {}),
  };
};

/**
 * Where this process's auth reads grants: workflow's own store where the process runs workflow
 * (bound to ROLE_GRANT_SOURCE), else the copy it follows from workflow's events; none when it
 * follows nothing (a process without services, a unit test).
 */
export const grantSourceOf = (modules: ModuleRef | undefined, followed: (RoleGrantSource & { readonly following: boolean }) | undefined): RoleGrantSource | null => {
  try {
    const kept = modules?.get<symbol, RoleGrantSource>(ROLE_GRANT_SOURCE, { strict: false });
    if (kept) return kept;
  } catch {
    // No module binds it: this process does not run workflow.
  }
  return followed?.following ? followed : null;
};
