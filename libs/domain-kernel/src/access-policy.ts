import { Forbidden } from './domain-errors';

/**
 * What a route or method may admit. A caller holds `requester` by being authenticated at all: it
 * acts for itself only (its own contacts and cases; object-level rules decide the rest). Every
 * other grant comes from a role in the table below, and only in the audience that role belongs to.
 */
export const GRANTS = ['requester', 'channel', 'staff', 'manager', 'admin', 'partner-staff', 'analyst', 'department', 'auditor', 'curator'] as const;
export type Grant = (typeof GRANTS)[number];

type Audience = 'EXTERNAL' | 'INTERNAL' | 'PARTNER';

/** Who is calling, as far as the policy cares (a Principal or a Viewer). */
export interface PolicySubject {
  readonly audience: Audience;
  readonly roles: readonly string[];
}

interface RoleGrant {
  readonly audiences: readonly Audience[];
  readonly grants: readonly Grant[];
}

/**
 * The one table of roles. A role not listed here grants nothing (deny by default), and a listed
 * role grants nothing outside its audiences: an `agent` role in a partner's token is not staff.
 */
export const ROLE_GRANTS: Readonly<Record<string, RoleGrant>> = {
  agent: { audiences: ['INTERNAL'], grants: ['staff'] },
  'back-office': { audiences: ['INTERNAL'], grants: ['staff'] },
  supervisor: { audiences: ['INTERNAL'], grants: ['staff', 'manager'] },
  admin: { audiences: ['INTERNAL'], grants: ['staff', 'manager', 'admin'] },
  'partner-agent': { audiences: ['PARTNER'], grants: ['partner-staff'] },
  /** Knowledge: writes and curates the knowledge map and articles; `curator` lets them read how articles serve their readers. */
  editor: { audiences: ['INTERNAL'], grants: ['curator'] },
  /** Knowledge: approves or rejects an article version someone else wrote. */
  reviewer: { audiences: ['INTERNAL'], grants: ['curator'] },
  /** KPI: reads every figure and manages KPI definitions (grants nothing on cases). */
  analyst: { audiences: ['INTERNAL'], grants: ['analyst'] },
  /** KPI: a department's account (its `unit` claim) reads its own unit's and its children's figures. */
  department: { audiences: ['INTERNAL'], grants: ['department'] },
  /** Reads every collaboration task, across units and partners (task-scope.ts), and changes nothing. */
  auditor: { audiences: ['INTERNAL'], grants: ['auditor'] },
  /** A front-office channel (app backend, IVR, email gateway, bot) submitting for the customers it serves. */
  channel: { audiences: ['EXTERNAL', 'INTERNAL', 'PARTNER'], grants: ['channel'] },
};

const roleGrantOf = (role: string): RoleGrant | undefined =>
  Object.prototype.hasOwnProperty.call(ROLE_GRANTS, role) ? ROLE_GRANTS[role] : undefined;

export const isKnownRole = (role: string): boolean => roleGrantOf(role) !== undefined;

/** Everything the caller's token grants: `requester` always, plus what its known roles grant in its audience. */
export const grantsOf = (subject: PolicySubject): ReadonlySet<Grant> => {
  const grants = new Set<Grant>(['requester']);
  for (const role of subject.roles) {
    const granted = roleGrantOf(role);
    if (granted?.audiences.includes(subject.audience)) granted.grants.forEach((grant) => grants.add(grant));
  }
  return grants;
};

export const holds = (subject: PolicySubject, grant: Grant): boolean => grantsOf(subject).has(grant);

export const holdsAny = (subject: PolicySubject, allowed: readonly Grant[]): boolean => {
  const grants = grantsOf(subject);
  return allowed.some((grant) => grants.has(grant));
};

/** Those who submit contacts on a customer's behalf; anyone else speaks only for itself. */
export const actsForOthers = (subject: PolicySubject): boolean =>
  holdsAny(subject, ['channel', 'staff', 'partner-staff']);

/** Forbidden (403) unless the caller holds one of the grants. */
export const requireGrant = (subject: PolicySubject, allowed: readonly Grant[]): void => {
  if (!holdsAny(subject, allowed)) throw new Forbidden(`requires ${allowed.join(' or ')}`);
};
