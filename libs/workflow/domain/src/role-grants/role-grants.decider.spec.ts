import { NotFound, ValidationFailed, fold, specFor } from '@collab/domain-kernel';
import { grantedTo, roleGrantDecider } from './role-grants.decider';
import type { GrantRole, RoleGranted, RoleGrantEvent, RoleRevoked } from './role-grants.events';

const now = new Date('2026-12-07T02:00:00.000Z');
const at = now.toISOString();
const admin = { id: 'admin-wang', kind: 'user' } as const;
const spec = specFor(roleGrantDecider, { now });

const grantRole = (o: Partial<GrantRole> = {}): GrantRole => ({ type: 'GrantRole', userId: 'li.wei', unit: 'billing', role: 'supervisor', actor: admin, reason: null, ...o });
const revokeRole = () => ({ ...grantRole(), type: 'RevokeRole' as const });
const roleGranted = (o: Partial<RoleGranted['data']> = {}): RoleGranted => ({
  type: 'RoleGranted', data: { userId: 'li.wei', unit: 'billing', role: 'supervisor', actor: admin, reason: null, grantedAt: at, ...o },
});
const roleRevoked = (): RoleRevoked => ({ type: 'RoleRevoked', data: { userId: 'li.wei', unit: 'billing', role: 'supervisor', actor: admin, reason: null, revokedAt: at } });

describe('granting a role to a user within a unit', () => {
  it('records the grant', () => spec.given().when(grantRole()).then(roleGranted()));
  it('records nothing for a role already held there', () => spec.given(roleGranted()).when(grantRole()).then());
  it('refuses a role the access policy does not know (it would grant nothing)', () =>
    spec.given().when(grantRole({ role: 'wizard' })).thenThrows(ValidationFailed));
  it('refuses a user id with spaces', () => spec.given().when(grantRole({ userId: 'li wei' })).thenThrows(ValidationFailed));
});

describe('revoking a grant', () => {
  it('records the revocation of a held grant', () => spec.given(roleGranted()).when(revokeRole()).then(roleRevoked()));
  it('is not found when the role is not held there', () => spec.given(roleGranted(), roleRevoked()).when(revokeRole()).thenThrows(NotFound));
});

describe('what grants add to a caller', () => {
  const history: RoleGrantEvent[] = [roleGranted(), roleGranted({ role: 'agent', unit: 'network' })];
  const state = fold(roleGrantDecider, history);

  it('are the roles of the unit the token names', () => expect(grantedTo(state, 'billing')).toEqual({ roles: ['supervisor'] }));
  it('are every unit’s roles for a token naming none, and the unit only where one is granted', () => {
    expect(grantedTo(state, undefined)).toEqual({ roles: ['supervisor', 'agent'] });
    expect(grantedTo(fold(roleGrantDecider, [roleGranted()]), undefined)).toEqual({ roles: ['supervisor'], unit: 'billing' });
  });
  it('are nothing in a unit without grants', () => expect(grantedTo(state, 'hr')).toEqual({ roles: [] }));
});
