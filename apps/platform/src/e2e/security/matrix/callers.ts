import { ROLE_GRANTS } from '@collab/domain-kernel';
import type { Principal } from '@collab/service-kit';
import type { Caller } from '../../embedded-platform';

export interface MatrixCaller {
  readonly label: string;
  /** Undefined: no token at all. */
  readonly caller?: Caller;
}

const principalOf = (caller: Caller): Principal => ({
  subject: caller.sub,
  roles: caller.roles ?? [],
  audience: caller.audience,
  ...(caller.partner ? { partner: caller.partner } : {}),
  ...(caller.unit ? { unit: caller.unit } : {}),
});

export const asPrincipal = principalOf;

/**
 * Every role of the policy table in its own audience (a role added there is in the matrix at
 * once), plus a customer, a made-up role, staff roles in the wrong audience, and no token.
 */
export const matrixCallers = (): MatrixCaller[] => [
  { label: 'no token' },
  { label: 'customer', caller: { sub: 'matrix-customer', audience: 'EXTERNAL' } },
  { label: 'wizard (unknown role)', caller: { sub: 'matrix-wizard', audience: 'INTERNAL', roles: ['wizard'] } },
  { label: 'admin in an EXTERNAL token', caller: { sub: 'matrix-outside-admin', audience: 'EXTERNAL', roles: ['admin'] } },
  { label: 'agent in a PARTNER token', caller: { sub: 'matrix-partner-agent', audience: 'PARTNER', partner: 'matrix-partner', roles: ['agent'] } },
  ...Object.entries(ROLE_GRANTS).map(([role, grant]) => {
    const audience = grant.audiences[0] ?? 'INTERNAL';
    return {
      label: `${role} (${audience})`,
      caller: { sub: `matrix-${role}`, audience, roles: [role], unit: 'matrix-unit', ...(audience === 'PARTNER' ? { partner: 'matrix-partner' } : {}) },
    };
  }),
];
