import { publishedFormOf } from '@collab/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module, type INestApplication } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { EventStore } from '@collab/event-store';
import { CHANNEL_EVENT_TYPES, CHANNEL_KINDS } from '@collab/intake-domain';
import {
  EVENT_STORE,
  ServiceStoreModule,
  ValidationFailed,
  createServiceApp,
  issueDevToken,
  loadPlatformConfig,
} from '@collab/service-kit';
import { CalendarDirectory } from '../calendars/calendars.providers';
import { CalendarSeeder } from '../calendars/default-calendars/calendar-seeder';
import { INTAKE_MIGRATIONS } from '../migrations/intake.migrations';
import { intakeContract } from '../intake.contract';
import { CALENDAR_LOOKUP, CHANNEL_LOOKUP, type ChannelLookup } from '../intake.ports';
import {
  CHANNEL_CONTROLLERS,
  CHANNEL_ENTITIES,
  CHANNEL_PROVIDERS,
  ChannelDirectory,
} from './channels.providers';

/**
 * IntakeModule's share of the channel registry, bound to the port the contact intake uses, with
 * the real calendars (the defaults seeded) that channels' service hours must refer to.
 */
@Module({
  imports: [
    CqrsModule,
    ServiceStoreModule.forService(intakeContract, { migrations: INTAKE_MIGRATIONS }),
    TypeOrmModule.forFeature([...CHANNEL_ENTITIES]),
  ],
  controllers: [...CHANNEL_CONTROLLERS],
  providers: [
    ...CHANNEL_PROVIDERS,
    { provide: CHANNEL_LOOKUP, useExisting: ChannelDirectory },
    CalendarDirectory,
    CalendarSeeder,
    { provide: CALENDAR_LOOKUP, useExisting: CalendarDirectory },
  ],
})
class ChannelsTestModule {}

const secret = 'channels-e2e-secret-0123456789-abcdef';
const gdHotline = {
  id: 'gd-hotline',
  kind: 'PHONE',
  name: 'Guangdong hotline',
  audiences: ['EXTERNAL', 'PARTNER'],
};

describe('the channel registry, through REST', () => {
  let dataDir: string;
  let app: INestApplication;
  let baseUrl: string;
  let admin: string;
  let agent: string;

  const start = async () => {
    app = await createServiceApp(
      loadPlatformConfig({ DATA_DIR: dataDir, AUTH_JWT_SECRET: secret, LOG_LEVEL: 'silent', GRPC_PORT: '0' }),
      [ChannelsTestModule],
    );
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  };

  type Answer = Record<string, unknown> & { errors?: { field: string }[] };
  const call = async <Body = Answer>(
    method: string,
    path: string,
    options: { token?: string | undefined; body?: unknown } = {},
  ) => {
    const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}/api/v1/channels${path}`, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: (await response.json()) as Body,
    };
  };
  const asAdmin = (method: string, path: string, body?: unknown) =>
    call(method, path, { token: admin, body });

  /** A refused request stores nothing: intake's log is as long afterwards as before. */
  const storesNothing = async <Result>(request: () => Promise<Result>): Promise<Result> => {
    const log = () => app.get<EventStore>(EVENT_STORE).readAll({ after: 0n, maxCount: 10_000 });
    const before = (await log()).length;
    const result = await request();
    expect((await log()).length).toBe(before);
    return result;
  };

  /** The list reads the read model, which follows the log a moment behind. */
  type Listed = { id: string; kind: string; enabled: boolean; version: number };
  const listEventually = async (until: (channels: Listed[]) => boolean): Promise<Listed[]> => {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const { body } = await call<{ items: Listed[] }>('GET', '', { token: agent });
      if (until(body.items)) return body.items;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the channel list never got there');
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'collab-channels-'));
    admin = await issueDevToken(secret, { sub: 'admin-1', roles: ['admin'], audience: 'INTERNAL' });
    agent = await issueDevToken(secret, { sub: 'agent-1', roles: ['agent'], audience: 'INTERNAL' });
    await start();
  });

  afterAll(async () => {
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lists the default channels, one per kind, to any authenticated caller', async () => {
    const channels = await listEventually((listed) => listed.length >= CHANNEL_KINDS.length);
    expect(channels.map((c) => c.kind).sort()).toEqual([...CHANNEL_KINDS].sort());
    expect(channels).toContainEqual({
      id: 'partner-api',
      kind: 'PARTNER_API',
      name: 'Partner integration API',
      audiences: ['PARTNER'],
      enabled: true,
      calendarId: 'cn-standard',
      defaultLanguage: 'zh-Hans',
      version: 1,
    });
  });

  it('shows one channel by id', async () => {
    const { status, body } = await call('GET', '/ai-bot', { token: agent });
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'ai-bot', kind: 'AI_BOT', calendarId: '24x7', enabled: true });
  });

  it('lets an admin register, change, disable and enable a channel', async () => {
    const registered = await asAdmin('POST', '', gdHotline);
    expect(registered).toMatchObject({
      status: 201,
      body: {
        ...gdHotline,
        enabled: true,
        calendarId: 'cn-standard',
        defaultLanguage: 'zh-Hans',
        version: 1,
      },
    });
    expect((await call('GET', '/gd-hotline', { token: agent })).body).toEqual(registered.body);

    const changed = await asAdmin('PATCH', '/gd-hotline', { calendarId: '24x7', audiences: ['EXTERNAL'] });
    expect(changed).toMatchObject({
      status: 200,
      body: {
        id: 'gd-hotline',
        name: 'Guangdong hotline',
        calendarId: '24x7',
        audiences: ['EXTERNAL'],
        version: 2,
      },
    });

    expect(await asAdmin('POST', '/gd-hotline/disable', { reason: '系统维护 maintenance' })).toMatchObject({
      status: 200,
      body: { enabled: false, version: 3 },
    });
    expect(await asAdmin('POST', '/gd-hotline/enable')).toMatchObject({
      status: 200,
      body: { enabled: true, version: 4 },
    });

    const listed = await listEventually((channels) =>
      channels.some((c) => c.id === 'gd-hotline' && c.version === 4),
    );
    expect(listed.find((c) => c.id === 'gd-hotline')).toEqual(
      (await call('GET', '/gd-hotline', { token: agent })).body,
    );
  });

  it('records nothing for a change to what the channel already is', async () => {
    const unchanged = await storesNothing(() =>
      asAdmin('PATCH', '/gd-hotline', { name: 'Guangdong hotline', audiences: ['EXTERNAL'] }),
    );
    expect(unchanged).toMatchObject({ status: 200, body: { id: 'gd-hotline', version: 4 } });
  });

  it('keeps each audience once, in a fixed order', async () => {
    const registered = await asAdmin('POST', '', {
      id: 'b2b-portal',
      kind: 'WEB',
      name: 'B2B portal',
      audiences: ['PARTNER', 'EXTERNAL', 'PARTNER'],
    });
    expect(registered).toMatchObject({ status: 201, body: { audiences: ['EXTERNAL', 'PARTNER'] } });
  });

  it('lets a channel follow any calendar that exists', async () => {
    expect(
      await asAdmin('POST', '', {
        ...gdHotline,
        id: 'fi-hotline',
        calendarId: 'fi-standard',
        defaultLanguage: 'fi',
      }),
    ).toMatchObject({
      status: 201,
      body: { calendarId: 'fi-standard' },
    });
    expect(await asAdmin('PATCH', '/fi-hotline', { calendarId: '24x7' })).toMatchObject({
      status: 200,
      body: { calendarId: '24x7' },
    });
  });

  it.each<[string, string, string, unknown]>([
    ['registering', 'POST', '', { ...gdHotline, id: 'night-hotline', calendarId: 'night-shift' }],
    ['changing', 'PATCH', '/phone', { name: 'Night hotline', calendarId: 'night-shift' }],
  ])(
    'refuses %s a channel on a calendar that does not exist (400 naming calendarId)',
    async (_, method, path, body) =>
      expect(await storesNothing(() => asAdmin(method, path, body))).toMatchObject({
        status: 400,
        body: { errors: [{ field: 'calendarId', message: 'unknown calendar "night-shift"' }] },
      }),
  );

  it('shows in the list what the channel itself says, once the read model caught up', async () => {
    await asAdmin('POST', '/weibo/disable');
    const listed = await listEventually((channels) => channels.some((c) => c.id === 'weibo' && !c.enabled));
    expect(listed.find((c) => c.id === 'weibo')).toEqual(
      (await call('GET', '/weibo', { token: agent })).body,
    );
  });

  it.each([
    ['disabling a disabled channel', '/wechat/disable', ['/wechat/disable']],
    ['enabling an enabled channel', '/wechat/enable', []],
    ['registering an existing id', '', []],
  ])('answers 409 to %s', async (_, path, before) => {
    for (const first of before) await asAdmin('POST', first);
    const { status, type, body } = await storesNothing(() =>
      asAdmin('POST', path, path === '' ? { ...gdHotline, id: 'phone' } : undefined),
    );
    expect(status).toBe(409);
    expect(type).toContain('application/problem+json');
    expect(body).toMatchObject({ status: 409, title: 'Not allowed in this state' });
    await asAdmin('POST', '/wechat/enable');
  });

  // Every row has all three columns: jest takes a test function with more parameters than the
  // row has values for a callback-style test and waits for `done` forever.
  it.each<[string, string, unknown]>([
    ['GET', '/no-such-channel', undefined],
    ['PATCH', '/no-such-channel', { name: 'x' }],
    ['POST', '/no-such-channel/enable', undefined],
    ['POST', '/no-such-channel/disable', undefined],
  ])('answers 404 to %s %s', async (method, path, body) =>
    expect(await storesNothing(() => asAdmin(method, path, body))).toMatchObject({
      status: 404,
      body: { status: 404, title: 'Not found' },
    }),
  );

  it.each<[string, string, unknown]>([
    ['POST', '', { ...gdHotline, id: 'agents-hotline' }],
    ['PATCH', '/phone', { name: 'x' }],
    ['POST', '/phone/disable', undefined],
    ['POST', '/phone/enable', undefined],
  ])('refuses %s %s to a caller who is not an admin (403)', async (method, path, body) =>
    expect(await storesNothing(() => call(method, path, { token: agent, body }))).toMatchObject({
      status: 403,
      body: { status: 403 },
    }),
  );

  it.each<[string, string, unknown]>([
    ['GET', '', undefined],
    ['GET', '/phone', undefined],
    ['POST', '', { ...gdHotline, id: 'anonymous-hotline' }],
    ['POST', '/phone/disable', undefined],
  ])('refuses %s %s without a token (401)', async (method, path, body) =>
    expect(await storesNothing(() => call(method, path, { body }))).toMatchObject({
      status: 401,
      body: { status: 401 },
    }),
  );

  it.each<[string, string, string, unknown, string[]]>([
    ['a registration missing its fields', 'POST', '', {}, ['id', 'kind', 'name', 'audiences']],
    ['an unknown field', 'POST', '', { ...gdHotline, id: 'x-hotline', colour: 'red' }, ['colour']],
    [
      'an id that is not a slug, an unknown kind, no audience',
      'POST',
      '',
      { ...gdHotline, id: 'GD Hotline', kind: 'FAX', audiences: [] },
      ['id', 'kind', 'audiences'],
    ],
    [
      'an unknown audience and a bad language',
      'POST',
      '',
      { ...gdHotline, id: 'x-hotline', audiences: ['ALIENS'], defaultLanguage: '中文' },
      ['audiences.0', 'defaultLanguage'],
    ],
    ['a change that changes nothing', 'PATCH', '/phone', {}, ['body']],
    ['a change with an unknown field', 'PATCH', '/phone', { enabled: false }, ['enabled']],
    ['a change with a bad calendar id', 'PATCH', '/phone', { calendarId: 'Office Hours' }, ['calendarId']],
    ['a reason that is empty', 'POST', '/phone/disable', { reason: ' ' }, ['reason']],
    ['a malformed channel id in the path', 'GET', '/Not_A_Slug', undefined, ['id']],
  ])('answers 400 to %s, naming each field', async (...[, method, path, body, fields]) => {
    const response = await storesNothing(() => asAdmin(method, path, body));
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((e) => e.field)).toEqual(fields);
  });

  it('refuses contacts on unknown, disabled or other-audience channels, naming the channel', async () => {
    const lookup = app.get<ChannelLookup>(CHANNEL_LOOKUP);
    await asAdmin('POST', '/email/disable');
    const refusal = (channel: string, audience: 'EXTERNAL' | 'PARTNER') =>
      lookup.requireAcceptingContacts(channel, audience).then(
        () => undefined,
        (error: unknown) => (error instanceof ValidationFailed ? error.errors : error),
      );
    expect(await refusal('fax', 'EXTERNAL')).toEqual([
      { field: 'channel', message: 'unknown channel "fax"' },
    ]);
    expect(await refusal('email', 'EXTERNAL')).toEqual([
      { field: 'channel', message: 'channel "email" is disabled' },
    ]);
    expect(await refusal('app', 'PARTNER')).toEqual([
      { field: 'channel', message: 'channel "app" does not serve audience PARTNER' },
    ]);
    await expect(lookup.requireAcceptingContacts('app', 'EXTERNAL')).resolves.toMatchObject({
      id: 'app',
      kind: 'APP',
      calendarId: '24x7',
      defaultLanguage: 'zh-Hans',
    });
  });

  it('takes contacts again once enabled, and from an audience once the channel serves it', async () => {
    const lookup = app.get<ChannelLookup>(CHANNEL_LOOKUP);
    await asAdmin('POST', '/email/enable');
    await expect(lookup.requireAcceptingContacts('email', 'EXTERNAL')).resolves.toMatchObject({
      id: 'email',
      kind: 'EMAIL',
    });
    await asAdmin('PATCH', '/app', { audiences: ['EXTERNAL', 'PARTNER'] });
    await expect(lookup.requireAcceptingContacts('app', 'PARTNER')).resolves.toMatchObject({ id: 'app' });
  });

  it('records only events intake publishes, each valid against its published schema once mapped to its public form', async () => {
    const events = await app.get<EventStore>(EVENT_STORE).readAll({ after: 0n, maxCount: 10_000 });
    const channelEvents = events.filter((event) =>
      (CHANNEL_EVENT_TYPES as readonly string[]).includes(event.type),
    );
    expect(new Set(channelEvents.map((event) => event.type))).toEqual(new Set(CHANNEL_EVENT_TYPES));
    for (const event of channelEvents)
      expect(publishedFormOf(intakeContract, event)).toMatchObject({ published: true, errors: null });
  });

  it('seeds the defaults once: a restart on the same data folder registers nothing again', async () => {
    await app.close();
    await start();
    const store = app.get<EventStore>(EVENT_STORE);
    expect(await store.readStream('channel-phone')).toHaveLength(1);
    expect((await call('GET', '/weibo', { token: agent })).body).toMatchObject({ enabled: false });
  });
});
