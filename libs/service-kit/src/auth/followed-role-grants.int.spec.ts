import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import type { CollabEvent, ServiceContract } from '@collab/contracts';
import type { ConsumerSubscription, EventConsumerPort } from '@collab/messaging';
import type { Database } from '../runtime/database';
import { HostedServices, type HostedService } from '../runtime/hosted-services';
import { migrateSchema } from '../runtime/migrations/schema-migrations';
import { FollowedRoleGrants } from './followed-role-grants';
import type { Principal } from './principal';

jest.setTimeout(30_000);

/*
 * A process without workflow (distributed mode: knowledge, KPI, intake, data) learns role grants
 * from workflow's published RoleGranted / RoleRevoked, so its auth adds the same roles (issue 13).
 */
describe('FollowedRoleGrants: role grants followed from workflow events', () => {
  // A schema of its own, named as the service it stands for: the follower keeps its copy there.
  const schema = `grants_${randomBytes(5).toString('hex')}`;
  let pool: Pool;
  let subscription: ConsumerSubscription | undefined;
  let grants: FollowedRoleGrants;
  let sequence = 0;

  const events: EventConsumerPort = {
    consume: (subscribed) => {
      subscription = subscribed;
      return Promise.resolve({ stop: () => Promise.resolve() });
    },
  };
  const hosting = (...services: string[]): HostedServices => {
    const hosted = new HostedServices();
    for (const service of services) hosted.register({ contract: { service } as ServiceContract } as HostedService);
    return hosted;
  };
  const published = (type: 'RoleGranted' | 'RoleRevoked', data: { userId: string; unit: string; role: string }, id = `ev-${++sequence}`): CollabEvent => ({
    specversion: '1.0',
    id,
    source: '/collab/workflow',
    type: `collab.workflow.${type}.v1`,
    subject: `role-grants-${data.userId}`,
    time: '2026-11-23T02:00:00.000Z',
    datacontenttype: 'application/json',
    dataschema: `urn:collab:schema:workflow:${type}:v1`,
    data: {
      ...data,
      actor: { id: 'admin-1', kind: 'user' },
      reason: null,
      ...(type === 'RoleGranted' ? { grantedAt: '2026-11-23T02:00:00.000Z' } : { revokedAt: '2026-11-23T03:00:00.000Z' }),
    },
    streamversion: sequence,
    position: String(sequence),
    correlationid: 'req-1',
    actor: 'user:admin-1',
  });
  const deliver = (event: CollabEvent) => subscription!.handle(event);
  const liWei = (unit?: string): Principal => ({ subject: 'li.wei', roles: [], audience: 'INTERNAL', ...(unit ? { unit } : {}) });

  beforeAll(async () => {
    pool = new Pool({ connectionString: process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test', max: 3 });
    const database = { pool, embedded: false, description: 'test', close: () => pool.end() } satisfies Database;
    await migrateSchema(database, schema, []);
    grants = new FollowedRoleGrants(events, database, hosting(schema));
    await grants.onApplicationBootstrap();
  });
  afterAll(async () => {
    await pool?.query(`drop schema if exists "${schema}" cascade`);
    await pool?.end();
  });

  it('follows workflow under a consumer of the hosted service', () => {
    expect(grants.following).toBe(true);
    expect(subscription).toMatchObject({ consumerName: `${schema}.role-grants`, source: 'workflow' });
  });

  it('given no grant, adds nothing', async () => expect(await grants.grantedTo(liWei())).toEqual({ roles: [] }));

  describe('given li.wei granted supervisor in billing', () => {
    const granted = published('RoleGranted', { userId: 'li.wei', unit: 'billing', role: 'supervisor' });
    beforeAll(() => deliver(granted));

    it('adds the role, and the unit to a token naming none', async () =>
      expect(await grants.grantedTo(liWei())).toEqual({ roles: ['supervisor'], unit: 'billing' }));

    it('adds nothing to her token naming another unit', async () => expect(await grants.grantedTo(liWei('network'))).toEqual({ roles: [] }));

    it('when the grant is delivered again, keeps one grant', async () => {
      await deliver(granted);
      expect((await pool.query(`select count(*)::int as n from "${schema}".role_grant`)).rows[0].n).toBe(1);
    });

    it('when revoked, adds nothing again, at once in this process', async () => {
      await deliver(published('RoleRevoked', { userId: 'li.wei', unit: 'billing', role: 'supervisor' }));
      expect(await grants.grantedTo(liWei())).toEqual({ roles: [] });
    });
  });

  it('passes by workflow events other than grants', async () => {
    await deliver({ ...published('RoleGranted', { userId: 'x', unit: 'u', role: 'agent' }), type: 'collab.workflow.CaseOpened.v1', dataschema: 'urn:collab:schema:workflow:CaseOpened:v1', data: {} });
    expect((await pool.query(`select count(*)::int as n from "${schema}".role_grant`)).rows[0].n).toBe(0);
  });

  it('stays idle in a process that runs workflow, whose own store answers', async () => {
    const idle = new FollowedRoleGrants(events, { pool } as Database, hosting('workflow', schema));
    await idle.onApplicationBootstrap();
    expect(idle.following).toBe(false);
    expect(idle.source()).toBeNull();
  });

  it('stays idle where no workflow log can be followed (one service on its own, without Kafka)', async () => {
    const nowhere: EventConsumerPort = { consume: () => Promise.reject(new Error('no event log is configured for workflow')) };
    const idle = new FollowedRoleGrants(nowhere, { pool } as Database, hosting(schema));
    await idle.onApplicationBootstrap();
    expect(idle.following).toBe(false);
    expect(await idle.grantedTo(liWei())).toEqual({ roles: [] });
  });
});
