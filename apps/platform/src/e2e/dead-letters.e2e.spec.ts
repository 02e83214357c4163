import { DATABASE, HostedServices, runDlqCli, type Database } from '@collab/service-kit';
import { eventually } from '@collab/testing';
import { EmbeddedPlatform, type Caller } from './embedded-platform';

const supervisor: Caller = { sub: 'front-line-supervisor', audience: 'INTERNAL', roles: ['supervisor'], unit: 'front-line' };
const FOLLOWER = 'consumer:workflow.route-case';

/** The operator's side of poison: dead letters listed and replayed with `npm run dlq`, through REST. */
describe('dead letters, listed and replayed by an operator', () => {
  let platform: EmbeddedPlatform;
  const lines: string[] = [];
  const dlq = async (...args: string[]) => {
    lines.splice(0);
    const env = { AUTH_JWT_SECRET: 'platform-e2e-secret-0123456789-abcdef' };
    const code = await runDlqCli([...args, '--url', platform.baseUrl], env, { out: (line) => lines.push(line), err: (line) => lines.push(line) });
    return { code, output: lines.join('\n') };
  };
  const database = (): Database => platform.app.get<Database>(DATABASE);

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start();
  });
  afterAll(() => platform?.stop());

  it('replays a parked stream in order when asked, and frees it', async () => {
    const submitted = await platform.call('POST', '/api/v1/contacts', {
      caller: { sub: 'cust-dlq-1', audience: 'EXTERNAL' },
      body: { channel: 'app', audience: 'EXTERNAL', requester: { id: 'cust-dlq-1' }, requestType: 'COMPLAINT', category: 'billing/wrong-charge', subject: '账单金额不对', description: '多扣了 30 元', region: 'GD-SZ' },
    });
    const caseId = String(submitted.body['caseId']);
    await eventually(async () => expect((await platform.call('GET', `/api/v1/cases/${caseId}`, { caller: supervisor })).body).toMatchObject({ queue: 'complaints' }));
    // As if routing had once refused this case's opening for good (a process nobody had published yet):
    // its letter and the parked stream, left by an earlier run of the platform.
    const intake = platform.app.get(HostedServices).get('intake')!.store;
    const [opened] = (await intake.readStream(`case-${caseId}`)).filter((event) => event.type === 'CaseOpened');
    const letter = JSON.stringify({ ...opened, position: opened!.position.toString() });
    await database().pool.query(
      `insert into messaging.dead_letters (consumer, event_id, event_type, subject, position, event, error_name, error_message, attempts)
       values ($1, $2, 'CaseOpened', $3, $4, $5::jsonb, 'IllegalTransition', 'no process for FAULT in XX', 1)`,
      [FOLLOWER, opened!.id, opened!.streamId, opened!.position.toString(), letter],
    );
    await database().pool.query(`insert into messaging.parked_streams (follower, stream_id, first_event_id) values ($1, $2, $3)`, [FOLLOWER, opened!.streamId, opened!.id]);
    platform = await platform.restart();

    const listed = await dlq('list', '--follower', FOLLOWER);
    expect(listed.code).toBe(0);
    expect(listed.output).toContain(`${FOLLOWER}  ${opened!.streamId}  CaseOpened ${opened!.id}  IllegalTransition: no process for FAULT in XX  (parked)`);

    const replayed = await dlq('replay', '--follower', FOLLOWER);
    expect(replayed).toEqual({ code: 0, output: expect.stringContaining('replay asked for 1 parked stream(s)') });
    await eventually(async () => expect((await dlq('list', '--follower', FOLLOWER)).output).toMatch(/\(replayed \d{4}-/), { timeoutMs: 20_000 });
    const { rows } = await database().pool.query('select count(*)::int as parked from messaging.parked_streams where follower = $1', [FOLLOWER]);
    expect(rows[0]).toEqual({ parked: 0 });
  });

  it('refuses a caller who is not an administrator, and a follower name that is not one', async () => {
    const asAgent = await platform.call('GET', '/api/v1/admin/dead-letters', { caller: supervisor });
    expect(asAgent.status).toBe(403);
    const bad = await platform.call('POST', '/api/v1/admin/dead-letters/replay', {
      caller: { sub: 'admin-1', audience: 'INTERNAL', roles: ['admin'] },
      body: { follower: 'drop table; --' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body['errors']).toEqual([expect.objectContaining({ field: 'follower' })]);
  });
});
