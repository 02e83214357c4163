import { publishedFormOf } from '@collab/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module, type INestApplication } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { EventStore } from '@collab/event-store';
import { CATEGORY_EVENT_TYPES } from '@collab/intake-domain';
import {
  EVENT_STORE,
  ServiceStoreModule,
  ValidationFailed,
  createServiceApp,
  issueDevToken,
  loadPlatformConfig,
} from '@collab/service-kit';
import { INTAKE_MIGRATIONS } from '../migrations/intake.migrations';
import { intakeContract } from '../intake.contract';
import { CATEGORY_LOOKUP, type CategoryLookup } from '../intake.ports';
import {
  CATEGORY_CONTROLLERS,
  CATEGORY_ENTITIES,
  CATEGORY_PROVIDERS,
  CategoryDirectory,
} from './categories.providers';

/** IntakeModule's share of the category tree, bound to the port the contact intake uses. */
@Module({
  imports: [
    CqrsModule,
    ServiceStoreModule.forService(intakeContract, { migrations: INTAKE_MIGRATIONS }),
    TypeOrmModule.forFeature([...CATEGORY_ENTITIES]),
  ],
  controllers: [...CATEGORY_CONTROLLERS],
  providers: [...CATEGORY_PROVIDERS, { provide: CATEGORY_LOOKUP, useExisting: CategoryDirectory }],
})
class CategoriesTestModule {}

const secret = 'categories-e2e-secret-0123456789';
const lateFee = { id: 'billing/late-fee', names: { 'zh-Hans': '滞纳金', en: 'Late fee' } };

interface Node {
  id: string;
  status: string;
  usable: boolean;
  version: number;
  names: Record<string, string>;
  children: Node[];
}
type Answer = Record<string, unknown> & { errors?: { field: string; message: string }[] };

const flatten = (nodes: Node[]): Node[] => nodes.flatMap((node) => [node, ...flatten(node.children)]);

describe('the category tree, through REST', () => {
  let dataDir: string;
  let app: INestApplication;
  let baseUrl: string;
  let admin: string;
  let agent: string;

  const start = async () => {
    app = await createServiceApp(
      loadPlatformConfig({ DATA_DIR: dataDir, AUTH_JWT_SECRET: secret, LOG_LEVEL: 'silent', GRPC_PORT: '0' }),
      [CategoriesTestModule],
    );
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  };

  const call = async <Body = Answer>(
    method: string,
    path: string,
    options: { token?: string | undefined; body?: unknown } = {},
  ) => {
    const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}/api/v1/categories${path}`, {
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
  const lookup = () => app.get<CategoryLookup>(CATEGORY_LOOKUP);
  const refusal = (categoryId: string) =>
    lookup()
      .requireUsable(categoryId)
      .then(
        () => undefined,
        (error: unknown) => (error instanceof ValidationFailed ? error.errors : error),
      );

  /** A refused request stores nothing: intake's log is as long afterwards as before. */
  const storesNothing = async <Result>(request: () => Promise<Result>): Promise<Result> => {
    const log = () => app.get<EventStore>(EVENT_STORE).readAll({ after: 0n, maxCount: 10_000 });
    const before = (await log()).length;
    const result = await request();
    expect((await log()).length).toBe(before);
    return result;
  };

  /** The tree reads the read model, which follows the log a moment behind. */
  const treeEventually = async (query: string, until: (nodes: Node[]) => boolean): Promise<Node[]> => {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const { body } = await call<{ items: Node[] }>('GET', query, { token: agent });
      if (until(flatten(body.items))) return body.items;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the category tree never got there');
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'collab-categories-'));
    admin = await issueDevToken(secret, { sub: 'admin-1', roles: ['admin'], audience: 'INTERNAL' });
    agent = await issueDevToken(secret, { sub: 'agent-1', roles: ['agent'], audience: 'INTERNAL' });
    await start();
  });

  afterAll(async () => {
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('shows the default telecom tree to any authenticated caller', async () => {
    const roots = await treeEventually('', (nodes) => nodes.some((node) => node.id === 'other'));
    expect(roots.map((root) => root.id)).toEqual([
      'account',
      'billing',
      'device',
      'network',
      'other',
      'plan',
      'service-quality',
      'sim',
    ]);
    const billing = roots.find((root) => root.id === 'billing');
    expect(billing?.children.map((child) => child.id)).toEqual([
      'billing/invoice',
      'billing/refund',
      'billing/wrong-charge',
    ]);
    expect(billing?.children[2]).toEqual({
      id: 'billing/wrong-charge',
      names: { 'zh-Hans': '错误扣费', en: 'Wrong charge', fi: 'Virheellinen veloitus', ja: '誤請求' },
      status: 'active',
      usable: true,
      version: 1,
      children: [],
    });
  });

  it.each(['/billing/wrong-charge', '/billing%2Fwrong-charge'])(
    'shows one category by its slash path (%s)',
    async (path) =>
      expect(await call('GET', path, { token: agent })).toMatchObject({
        status: 200,
        body: { id: 'billing/wrong-charge', parentId: 'billing', status: 'active', usable: true, version: 1 },
      }),
  );

  it('lets an admin define a category under an active parent, rename it and retire it', async () => {
    const defined = await asAdmin('POST', '', {
      ...lateFee,
      requestTypes: ['COMPLAINT', 'INQUIRY', 'COMPLAINT'],
    });
    expect(defined).toMatchObject({
      status: 201,
      body: {
        ...lateFee,
        parentId: 'billing',
        requestTypes: ['INQUIRY', 'COMPLAINT'],
        status: 'active',
        usable: true,
        version: 1,
      },
    });
    expect((await call('GET', '/billing/late-fee', { token: agent })).body).toEqual(defined.body);

    const renamed = await asAdmin('PATCH', '/billing/late-fee', {
      names: { en: '  Late payment fee ', ja: '延滞料' },
    });
    expect(renamed).toMatchObject({
      status: 200,
      body: { names: { en: 'Late payment fee', ja: '延滞料' }, version: 2 },
    });
    // The new names replace the old ones (no zh-Hans left); key order is not part of JSON's promise.
    expect(Object.keys(renamed.body.names as object).sort()).toEqual(['en', 'ja']);

    const retired = await asAdmin('POST', '/billing/late-fee/retire', {
      reason: '合并到 billing/wrong-charge',
    });
    expect(retired).toMatchObject({
      status: 200,
      body: { id: 'billing/late-fee', status: 'retired', usable: false, version: 3 },
    });
  });

  it('defines a root without a parent', async () =>
    expect(await asAdmin('POST', '', { id: 'roaming', names: { en: 'Roaming' } })).toMatchObject({
      status: 201,
      body: { id: 'roaming', status: 'active', usable: true, version: 1 },
    }));

  it('records nothing for a rename to the names it already has', async () =>
    expect(
      await storesNothing(() => asAdmin('PATCH', '/roaming', { names: { en: 'Roaming' } })),
    ).toMatchObject({ status: 200, body: { version: 1 } }));

  it('refuses a contact on a retired, an unknown or a retired-over category, naming the category', async () => {
    await asAdmin('POST', '/plan/retire', { reason: 'plans move to the product catalogue' });
    expect(await refusal('billing/late-fee')).toEqual([
      { field: 'category', message: 'category "billing/late-fee" is retired' },
    ]);
    expect(await refusal('billing/no-such-thing')).toEqual([
      { field: 'category', message: 'unknown category "billing/no-such-thing"' },
    ]);
    expect(await refusal('Not A Category')).toEqual([
      { field: 'category', message: 'unknown category "Not A Category"' },
    ]);
    expect(await refusal('plan/change')).toEqual([
      { field: 'category', message: 'category "plan/change" is under the retired category "plan"' },
    ]);
    await expect(lookup().requireUsable('billing/refund')).resolves.toMatchObject({
      id: 'billing/refund',
      usable: true,
    });
    expect((await call('GET', '/plan/change', { token: agent })).body).toMatchObject({
      status: 'active',
      usable: false,
    });
  });

  it('leaves retired branches out of the tree unless asked for them', async () => {
    const tree = flatten(await treeEventually('', (nodes) => !nodes.some((node) => node.id === 'plan')));
    expect(tree.map((node) => node.id)).not.toEqual(expect.arrayContaining(['billing/late-fee']));
    expect(tree.map((node) => node.id)).not.toContain('plan/change');
    const everything = flatten(
      await treeEventually('?includeRetired=true', (nodes) => nodes.some((node) => node.id === 'plan')),
    );
    expect(everything.find((node) => node.id === 'plan')).toMatchObject({ status: 'retired', usable: false });
    expect(everything.find((node) => node.id === 'plan/change')).toMatchObject({
      status: 'active',
      usable: false,
    });
    expect(everything.find((node) => node.id === 'billing/late-fee')).toMatchObject({
      status: 'retired',
      version: 3,
    });
  });

  it.each<[string, unknown, string]>([
    [
      'an unknown parent',
      { id: 'nothing/here', names: { en: 'x' } },
      'parent category "nothing" does not exist',
    ],
    ['a retired parent', { id: 'plan/new', names: { en: 'x' } }, 'parent category "plan" is retired'],
    [
      'a parent under a retired category',
      { id: 'plan/change/family', names: { en: 'x' } },
      'parent category "plan/change" is retired',
    ],
  ])('refuses to define a category under %s (400 naming id)', async (_, body, message) =>
    expect(await storesNothing(() => asAdmin('POST', '', body))).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'id', message }] },
    }),
  );

  it.each<[string, string, string, unknown]>([
    ['defining an existing id', 'POST', '', { id: 'billing', names: { en: 'Billing' } }],
    ['renaming a retired category', 'PATCH', '/billing/late-fee', { names: { en: 'x' } }],
    ['retiring a retired category', 'POST', '/billing/late-fee/retire', undefined],
  ])('answers 409 to %s', async (_, method, path, body) => {
    const { status, type, body: problem } = await storesNothing(() => asAdmin(method, path, body));
    expect(status).toBe(409);
    expect(type).toContain('application/problem+json');
    expect(problem).toMatchObject({ status: 409, title: 'Not allowed in this state' });
  });

  // Every row has all three columns: jest takes a test function with more parameters than the
  // row has values for a callback-style test and waits for `done` forever.
  it.each<[string, string, unknown]>([
    ['GET', '/no-such-category', undefined],
    ['GET', '/billing/no-such-category', undefined],
    ['PATCH', '/billing/no-such-category', { names: { en: 'x' } }],
    ['POST', '/billing/no-such-category/retire', undefined],
  ])('answers 404 to %s %s', async (method, path, body) =>
    expect(await storesNothing(() => asAdmin(method, path, body))).toMatchObject({
      status: 404,
      body: { status: 404, title: 'Not found' },
    }),
  );

  it.each<[string, string, unknown]>([
    ['POST', '', { id: 'agents-own', names: { en: 'x' } }],
    ['PATCH', '/billing', { names: { en: 'x' } }],
    ['POST', '/billing/retire', undefined],
  ])('refuses %s %s to a caller who is not an admin (403)', async (method, path, body) =>
    expect(await storesNothing(() => call(method, path, { token: agent, body }))).toMatchObject({
      status: 403,
      body: { status: 403 },
    }),
  );

  it.each<[string, string, unknown]>([
    ['GET', '', undefined],
    ['GET', '/billing', undefined],
    ['POST', '', { id: 'anonymous', names: { en: 'x' } }],
    ['POST', '/billing/retire', undefined],
  ])('refuses %s %s without a token (401)', async (method, path, body) =>
    expect(await storesNothing(() => call(method, path, { body }))).toMatchObject({
      status: 401,
      body: { status: 401 },
    }),
  );

  it.each<[string, string, string, unknown, string[]]>([
    ['a definition missing its fields', 'POST', '', {}, ['id', 'names']],
    ['an unknown field', 'POST', '', { ...lateFee, id: 'billing/x', colour: 'red' }, ['colour']],
    ['an id that is not a slash path of slugs', 'POST', '', { ...lateFee, id: 'Billing//Late Fee' }, ['id']],
    ['no names', 'POST', '', { id: 'billing/x', names: {} }, ['names']],
    [
      'a name keyed by no language, and an empty name',
      'POST',
      '',
      { id: 'billing/x', names: { 'not a language': 'x', en: ' ' } },
      ['names.not a language', 'names.en'],
    ],
    [
      'an empty list of request types',
      'POST',
      '',
      { ...lateFee, id: 'billing/x', requestTypes: [] },
      ['requestTypes'],
    ],
    [
      'an unknown request type',
      'POST',
      '',
      { ...lateFee, id: 'billing/x', requestTypes: ['FAX'] },
      ['requestTypes.0'],
    ],
    ['a rename without names', 'PATCH', '/billing', {}, ['names']],
    [
      'a rename with an unknown field',
      'PATCH',
      '/billing',
      { names: { en: 'Billing' }, parentId: 'x' },
      ['parentId'],
    ],
    ['a reason that is empty', 'POST', '/billing/retire', { reason: ' ' }, ['reason']],
    ['a malformed id in the path', 'GET', '/Billing_Things', undefined, ['id']],
    ['an empty segment in the path', 'PATCH', '/billing//refund', { names: { en: 'x' } }, ['id']],
    ['a tree query that is not true or false', 'GET', '?includeRetired=maybe', undefined, ['includeRetired']],
    ['an unknown tree query', 'GET', '?depth=2', undefined, ['depth']],
  ])('answers 400 to %s, naming each field', async (...[, method, path, body, fields]) => {
    const response = await storesNothing(() => asAdmin(method, path, body));
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((e) => e.field)).toEqual(fields);
  });

  it('records only events intake publishes, each valid against its published schema once mapped to its public form', async () => {
    const events = await app.get<EventStore>(EVENT_STORE).readAll({ after: 0n, maxCount: 10_000 });
    const categoryEvents = events.filter((event) =>
      (CATEGORY_EVENT_TYPES as readonly string[]).includes(event.type),
    );
    expect(new Set(categoryEvents.map((event) => event.type))).toEqual(new Set(CATEGORY_EVENT_TYPES));
    for (const event of categoryEvents)
      expect(publishedFormOf(intakeContract, event)).toMatchObject({ published: true, errors: null });
  });

  it('seeds the defaults once: a restart on the same data folder defines nothing again', async () => {
    await app.close();
    await start();
    const store = app.get<EventStore>(EVENT_STORE);
    expect(await store.readStream('category-billing')).toHaveLength(1);
    expect(await store.readStream('category-plan/change')).toHaveLength(1);
    expect((await call('GET', '/plan', { token: agent })).body).toMatchObject({ status: 'retired' });
  });
});
