import { status } from '@grpc/grpc-js';
import { GrpcServer } from '@collab/service-kit';
import { TEST_MONDAY_MORNING, eventually } from '@collab/testing';
import { EmbeddedPlatform, MovableClock, type CallResult, type Caller } from '../embedded-platform';
import { OutsiderClient } from '../grpc/outsider-client';
import { admin, supervisor } from '../workflow/lifecycle-steps';

/*
 * Role grants per user and unit (issue 13), for tokens that carry no roles (an identity provider
 * that knows people, not our roles): the auth guard adds what an administrator granted, each
 * grant and revocation an audited event; an unknown role grants nothing.
 */
describe('role grants over the admin API, embedded platform', () => {
  const clock = new MovableClock(TEST_MONDAY_MORNING);
  let platform: EmbeddedPlatform;

  // A token with no roles: who the person is, and nothing about what they may do.
  const liWei: Caller = { sub: 'li.wei', audience: 'INTERNAL' };
  const grantPath = (userId: string, unit: string, role: string) => `/api/v1/admin/grants/${userId}/units/${unit}/roles/${role}`;
  const grant = (userId: string, unit: string, role: string, caller = admin): Promise<CallResult> =>
    platform.call('PUT', grantPath(userId, unit, role), { caller, body: { reason: 'acting head of billing' } });
  const revoke = (userId: string, unit: string, role: string): Promise<CallResult> =>
    platform.call('DELETE', grantPath(userId, unit, role), { caller: admin });
  const readProcesses = (caller: Caller) => platform.call('GET', '/api/v1/processes', { caller });
  const readParameters = (caller: Caller) => platform.call('GET', '/api/v1/admin/parameters', { caller });

  // Another service than workflow, over REST and over gRPC: every service's auth adds the grants.
  let kpis: OutsiderClient;
  const readKpis = (caller: Caller) => platform.call('GET', '/api/v1/kpis', { caller });
  const listKpisOverGrpc = async (caller: Caller) => kpis.call<{ kpis: unknown[] }>('ListKpis', {}, await platform.token(caller));

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, clock);
    kpis = new OutsiderClient('collab/kpi/v1/kpi_service.proto', 'collab.kpi.v1.KpiService', `127.0.0.1:${platform.app.get(GrpcServer).port!}`);
  });
  afterAll(() => platform?.stop());

  it('given no grant, a token without roles is refused staff routes', async () =>
    expect((await readProcesses(liWei)).status).toBe(403));

  it('given no grant, a token without roles is refused KPI reads over REST and gRPC', async () => {
    expect((await readKpis(liWei)).status).toBe(403);
    expect((await listKpisOverGrpc(liWei)).error?.code).toBe(status.PERMISSION_DENIED);
  });

  describe('given li.wei granted supervisor in billing', () => {
    beforeAll(async () => expect((await grant('li.wei', 'billing', 'supervisor')).status).toBe(200));

    it('admits her token as a supervisor, still not as an admin', async () => {
      expect((await readProcesses(liWei)).status).toBe(200);
      expect((await readParameters(liWei)).status).toBe(403);
    });

    it('admits her token to another service, over REST and over gRPC', async () => {
      expect((await readKpis(liWei)).status).toBe(200);
      const listed = await listKpisOverGrpc(liWei);
      expect(listed.error).toBeUndefined();
      expect(listed.response?.kpis.length).toBeGreaterThan(0);
    });

    it('does not apply the grant to her token when it names another unit', async () =>
      expect((await readProcesses({ ...liWei, unit: 'network' })).status).toBe(403));

    it('lists her grants in the one list envelope', async () => {
      const listed = await platform.call('GET', '/api/v1/admin/grants/li.wei', { caller: admin });
      expect(listed.body).toEqual({
        items: [{ unit: 'billing', role: 'supervisor', grantedAt: expect.any(String), grantedBy: admin.sub }],
        page: { limit: 50, next: null, total: 1 },
      });
    });

    it('shows the grant in the audit trail, with who granted it', async () =>
      eventually(async () =>
        expect((await platform.call('GET', `/api/v1/admin/audit?actor=user:${admin.sub}&service=workflow`, { caller: admin })).body['items']).toEqual(
          expect.arrayContaining([expect.objectContaining({ type: 'RoleGranted', subject: 'role-grants-li.wei', actor: `user:${admin.sub}` })]),
        ),
      ));

    it('when revoked, refuses her token again', async () => {
      const revoked = await revoke('li.wei', 'billing', 'supervisor');
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ userId: 'li.wei', grants: [] });
      expect((await readProcesses(liWei)).status).toBe(403);
      expect((await readKpis(liWei)).status).toBe(403);
      expect((await listKpisOverGrpc(liWei)).error?.code).toBe(status.PERMISSION_DENIED);
      expect((await revoke('li.wei', 'billing', 'supervisor')).status).toBe(404);
    });
  });

  it('refuses a role the access policy does not know, naming the field', async () => {
    const refused = await grant('li.wei', 'billing', 'wizard');
    expect(refused.status).toBe(400);
    expect(refused.body['errors']).toEqual([expect.objectContaining({ field: 'role' })]);
  });

  it('refuses a malformed user id, naming the field', async () => {
    const refused = await grant('li%20wei', 'billing', 'agent');
    expect(refused.status).toBe(400);
    expect(refused.body['errors']).toEqual([expect.objectContaining({ field: 'userId' })]);
  });

  it('is for administrators only', async () => {
    expect((await grant('li.wei', 'billing', 'admin', supervisor)).status).toBe(403);
    expect((await platform.call('GET', '/api/v1/admin/grants/li.wei', { caller: supervisor })).status).toBe(403);
  });
});
