import type { ActorRef } from '../actor';

/** A role given to a user within a unit, for tokens that do not carry it (an identity provider that knows people, not our roles). */
export interface RoleGranted {
  readonly type: 'RoleGranted';
  readonly data: { readonly userId: string; readonly unit: string; readonly role: string; readonly actor: ActorRef; readonly reason: string | null; readonly grantedAt: string };
}

export interface RoleRevoked {
  readonly type: 'RoleRevoked';
  readonly data: { readonly userId: string; readonly unit: string; readonly role: string; readonly actor: ActorRef; readonly reason: string | null; readonly revokedAt: string };
}

export type RoleGrantEvent = RoleGranted | RoleRevoked;

export interface GrantRole {
  readonly type: 'GrantRole';
  readonly userId: string;
  readonly unit: string;
  readonly role: string;
  readonly actor: ActorRef;
  readonly reason: string | null;
}

export interface RevokeRole {
  readonly type: 'RevokeRole';
  readonly userId: string;
  readonly unit: string;
  readonly role: string;
  readonly actor: ActorRef;
  readonly reason: string | null;
}

export type RoleGrantCommand = GrantRole | RevokeRole;
