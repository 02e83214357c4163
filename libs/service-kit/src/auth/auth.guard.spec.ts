import { Controller, Get, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Forbidden } from '@collab/domain-kernel';
import { Allow, AuthGuard, Public, Roles } from './auth.guard';
import type { Authenticator, Principal } from './principal';

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
    switchToHttp: () => ({ getRequest: () => ({ headers: { authorization: 'Bearer x' } }) }),
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
