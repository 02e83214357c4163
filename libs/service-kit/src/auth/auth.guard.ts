import { CanActivate, ExecutionContext, Inject, Injectable, Optional, SetMetadata, createParamDecorator } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { RequestOrigin } from '@collab/event-store';
import { Forbidden, ROLE_GRANTS, isKnownRole, requireGrant, type Grant } from '@collab/domain-kernel';
import { AUTHENTICATOR, type Authenticator, type Principal } from './principal';
import { principalOfRequest } from './request-principal';
import { FollowedRoleGrants } from './followed-role-grants';
import { grantSourceOf, withGrantedRoles, type RoleGrantSource } from './role-grants';
import { REQUEST_DEADLINE_MS, withinRequestDeadline } from '../http/request-deadline.interceptor';

const IS_PUBLIC = 'collab:public';
const ALLOWED = 'collab:allowed';

type Admission = { readonly grants: readonly Grant[] } | { readonly roles: readonly string[] };

/** What a route declares: public, whom it admits, or nothing (then it admits nobody). */
export type DeclaredPolicy = { readonly public: true } | Admission | undefined;

/** Marks health, metrics and API docs: the only endpoints reachable without a token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * The route's policy: who it admits, by grant (see ROLE_GRANTS in @collab/domain-kernel).
 * Declared next to the route (or its controller); a route that declares none admits nobody.
 * Object-level rules (whose case, which partner) stay with the handler's query or decider.
 */
export const Allow = (...grants: readonly Grant[]) => SetMetadata(ALLOWED, { grants } satisfies Admission);

/**
 * The caller needs at least one of these roles, each in the audience the policy table gives it.
 * Prefer Allow; a role missing from the table is a mistake caught when the module loads.
 */
export const Roles = (...roles: string[]) => {
  const unknown = roles.filter((role) => !isKnownRole(role));
  if (unknown.length > 0) throw new Error(`@Roles names roles the policy does not know: ${unknown.join(', ')}`);
  return SetMetadata(ALLOWED, { roles } satisfies Admission);
};

type AuthenticatedRequest = Request & { principal?: Principal };

/** Bounded: a header is the client's to fill, and the audit keeps what it says. */
const USER_AGENT_MAX = 256;

/** Where the request came from: the address Express trusts (HTTP_TRUST_PROXY_HOPS) and the User-Agent. */
const requestOriginOf = (request: Request): RequestOrigin => {
  const agent = request.headers['user-agent'];
  const socket = request.socket as Request['socket'] | undefined;
  return {
    address: request.ip ?? socket?.remoteAddress ?? 'unknown',
    ...(typeof agent === 'string' && agent !== '' ? { userAgent: agent.slice(0, USER_AGENT_MAX) } : {}),
  };
};

/** The policy declared on a route's handler or its controller (the handler's wins). */
type PolicyTargets = [handler: ReturnType<ExecutionContext['getHandler']>, controller: ReturnType<ExecutionContext['getClass']>];

export const declaredPolicyOf = (reflector: Reflector, targets: PolicyTargets): DeclaredPolicy => {
  if (reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return { public: true };
  return reflector.getAllAndOverride<Admission | undefined>(ALLOWED, targets);
};

/** Whether a route's policy admits this caller (the guard's own decision, for tests and tools). */
export const policyAdmits = (principal: Principal, policy: DeclaredPolicy): boolean => {
  if (!policy) return false;
  if ('public' in policy) return true;
  try {
    return admits(principal, policy);
  } catch (error) {
    if (error instanceof Forbidden) return false;
    throw error;
  }
};

const admits = (principal: Principal, admission: Admission): boolean => {
  if ('grants' in admission) {
    requireGrant(principal, admission.grants);
    return true;
  }
  const held = admission.roles.some(
    (role) => principal.roles.includes(role) && ROLE_GRANTS[role]?.audiences.includes(principal.audience),
  );
  if (!held) throw new Forbidden(`requires one of the roles ${admission.roles.join(', ')}`);
  return true;
};

/**
 * Global guard, deny by default: every REST endpoint needs a valid bearer token unless it is
 * @Public(), and a policy (@Allow or @Roles) that admits the caller; without one, nobody passes.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private grants?: RoleGrantSource | null;
  private deadline?: number | null;

  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
    @Optional() private readonly modules?: ModuleRef,
    @Optional() private readonly followed?: FollowedRoleGrants,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = declaredPolicyOf(this.reflector, [context.getHandler(), context.getClass()]);
    if (policy && 'public' in policy) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const resolving = (async () => withGrantedRoles(await principalOfRequest(this.authenticator, request), this.grantSource()))();
    const deadlineMs = this.deadlineMs();
    const principal = await (deadlineMs === undefined ? resolving : withinRequestDeadline(request, deadlineMs, resolving));
    request.principal = { ...principal, from: requestOriginOf(request) };
    if (!policy) throw new Forbidden('no policy admits callers to this endpoint');
    return admits(principal, policy);
  }

  /** The runtime's request deadline (HTTP_REQUEST_TIMEOUT_MS); none in a module that sets none. */
  private deadlineMs(): number | undefined {
    if (this.deadline === undefined) {
      let bound: unknown;
      try {
        bound = this.modules?.get(REQUEST_DEADLINE_MS, { strict: false });
      } catch {
        bound = undefined;
      }
      this.deadline = typeof bound === 'number' ? bound : null;
    }
    return this.deadline ?? undefined;
  }

  private grantSource(): RoleGrantSource | null {
    if (this.grants === undefined) this.grants = this.followed ? this.followed.source() : grantSourceOf(this.modules, undefined);
    return this.grants;
  }
}

/** The authenticated caller of this request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a @Public() endpoint');
  return principal;
});
