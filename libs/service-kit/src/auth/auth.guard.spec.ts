import { Controller, Get, type ExecutionContext } from '@nestjs/common';
import { Reflector, type ModuleRef } from '@nestjs/core';
import { Forbidden } from '@collab/domain-kernel';
import { Allow, AuthGuard, Public, Roles } from './auth.guard';
import { REQUEST_DEADLINE_MS, RequestDeadlineExceeded } from '../http/request-deadline.interceptor';
import type { Authenticator, Principal } from './principal';
import type { GrantedRoles, RoleGrantSource } from './role-grants';

@Controller()
class Routes {
  @Get() undeclared(): void {}
  @Get() @Public() open(): void {}
  @Get() @Allow('staff', 'partner-staff') staffOnly(): void {}
  @Get() @Allow('requester') anyone(): void {}
  @Get() @Roles('admin') admins(): void {}
}

const contextFor = (handler: keyof Routes): ExecutionContext =>
  ({
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: (() => {
      const request = { headers: { authorization: 'Bearer x' } };
      return () => ({ getRequest: () => request });
    })(),
  }) as unknown as ExecutionContext;

const guardFor = (principal: Principal) => {
  const authenticator: Authenticator = { authenticate: () => Promise.resolve(principal) };
  return new AuthGuard(new Reflector(), authenticator);
};

const caller = (audience: Principal['audience'], ...roles: string[]): Principal => ({ subject: 's', audience, roles, ...(audience === 'PARTNER' ? { partner: 'p' } : {}) });

describe('the global guard (deny by default)', () => {
  it.each<[string, keyof Routes, Principal, boolean]>([
    ['a route without a policy, even for an admin', 'undeclared', caller('INTERNAL', 'admin'), false],
    ['a public route, for anyone', 'open', caller('EXTERNAL'), true],
    ['a staff route, for an agent', 'staffOnly', caller('INTERNAL', 'agent'), true],
    ['a staff route, for partner staff', 'staffOnly', caller('PARTNER', 'partner-agent'), true],
    ['a staff route, for a wizard', 'staffOnly', caller('INTERNAL', 'wizard'), false],
    ['a staff route, for a customer', 'staffOnly', caller('EXTERNAL'), false],
    ['a requester route, for a customer', 'anyone', caller('EXTERNAL'), true],
    ['an admin route, for an admin', 'admins', caller('INTERNAL', 'admin'), true],
    ['an admin route, for an admin role in a partner token', 'admins', caller('PARTNER', 'admin'), false],
  ])('%s: %s', async (_case, handler, principal, admitted) => {
    const decided = guardFor(principal).canActivate(contextFor(handler));
    if (admitted) await expect(decided).resolves.toBe(true);
    else await expect(decided).rejects.toBeInstanceOf(Forbidden);
  });

  it('refuses to declare a role the policy does not know', () => expect(() => Roles('wizard')).toThrow('wizard'));
});

describe('roles granted per user and unit, for tokens that carry none', () => {
  const grants: Record<string, GrantedRoles> = { 'li.wei': { roles: ['admin'], unit: 'billing' }, 'wiz.ard': { roles: ['wizard'] } };
  const source: RoleGrantSource = { grantedTo: (principal) => Promise.resolve(grants[principal.subject] ?? { roles: [] }) };
  const modules = { get: () => source } as unknown as ModuleRef;
  const requestOf = (context: ExecutionContext) => context.switchToHttp().getRequest<{ principal?: Principal }>();

  const decide = async (principal: Principal, handler: keyof Routes) => {
    const context = contextFor(handler);
    const guard = new AuthGuard(new Reflector(), { authenticate: () => Promise.resolve(principal) }, modules);
    return { decided: await guard.canActivate(context).catch((error: unknown) => error), principal: requestOf(context).principal };
  };

  it('admits a token without roles as the granted role, in the granted unit', async () => {
    const { decided, principal } = await decide({ subject: 'li.wei', audience: 'INTERNAL', roles: [] }, 'admins');
    expect(decided).toBe(true);
    expect(principal).toMatchObject({ roles: ['admin'], unit: 'billing' });
  });

  it('grants a role only in its audiences: an admin grant is nothing to a customer token', async () =>
    expect((await decide({ subject: 'li.wei', audience: 'EXTERNAL', roles: [] }, 'admins')).decided).toBeInstanceOf(Forbidden));

  it('grants nothing through a role the policy does not know (deny by default)', async () =>
    expect((await decide({ subject: 'wiz.ard', audience: 'INTERNAL', roles: [] }, 'staffOnly')).decided).toBeInstanceOf(Forbidden));

  it('keeps what the token carries, for a user granted nothing', async () =>
    expect((await decide(caller('INTERNAL', 'agent'), 'staffOnly')).decided).toBe(true));
});

describe('the guard within the request deadline (guards run before the deadline interceptor)', () => {
  const DEADLINE_MS = 200;
  const silentDatabase: RoleGrantSource = { grantedTo: () => new Promise<GrantedRoles>(() => undefined) };
  const bound = (source: RoleGrantSource) => ({ get: (token: unknown) => (token === REQUEST_DEADLINE_MS ? DEADLINE_MS : source) }) as unknown as ModuleRef;
  const agent = caller('INTERNAL', 'agent');

  it('given a grant look-up that never answers, when the deadline passes, then the request is refused as unavailable, not held', async () => {
    const guard = new AuthGuard(new Reflector(), { authenticate: () => Promise.resolve(agent) }, bound(silentDatabase));
    const started = Date.now();
    await expect(guard.canActivate(contextFor('staffOnly'))).rejects.toBeInstanceOf(RequestDeadlineExceeded);
    expect(Date.now() - started).toBeLessThan(DEADLINE_MS * 5);
  });

  it('given a look-up that answers in time, then the caller is admitted as before', async () => {
    const answers: RoleGrantSource = { grantedTo: () => Promise.resolve({ roles: [] }) };
    const guard = new AuthGuard(new Reflector(), { authenticate: () => Promise.resolve(agent) }, bound(answers));
    await expect(guard.canActivate(contextFor('staffOnly'))).resolves.toBe(true);
  });
});
