import { HostedServices } from '@collab/service-kit';
import { eventually } from '@collab/testing';
import { EmbeddedPlatform, type Caller } from '../embedded-platform';

const admin: Caller = { sub: 'admin-zhao', audience: 'INTERNAL', roles: ['admin'] };
const agent: Caller = { sub: 'agent-li', audience: 'INTERNAL', roles: ['agent'], unit: 'front-line' };
const customer: Caller = { sub: 'cust-1', audience: 'EXTERNAL' };

type Json = Record<string, unknown>;
interface Node extends Json {
  id: string;
  queues: string[];
  children: Node[];
}

const unit = (overrides: Json = {}): Json => ({
  id: 'gd',
  level: 'PROVINCE',
  unitType: 'DEPARTMENT',
  parentId: 'group',
  names: { zh: '广东公司', en: 'Guangdong company' },
  region: 'GD',
  calendarId: 'cn-standard',
  supervisorId: 'gd-supervisor',
  ...overrides,
});

const fieldsOf = (body: Json): string[] =>
  ((body['errors'] ?? []) as { field: string }[]).map((error) => error.field);

describe('the organisation directory over REST (/api/v1/org)', () => {
  let platform: EmbeddedPlatform;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start();
  });
  afterAll(() => platform?.stop());

  const call = (method: string, path: string, body?: unknown, caller: Caller = admin) =>
    platform.call(method, `/api/v1/org${path}`, { caller, ...(body === undefined ? {} : { body }) });
  /** A change by an admin based on the version `etag` names. */
  const changeIfMatch = (path: string, body: unknown, etag: string) =>
    platform.call('PATCH', `/api/v1/org${path}`, { caller: admin, body, headers: { 'if-match': etag } });
  /** The position of workflow's log: unchanged means a refused request stored nothing. */
  const workflowHead = () => platform.app.get(HostedServices).get('workflow')!.store.headPosition();
  // Through the client generated from the OpenAPI document: the tree is the documented UnitTree.
  const tree = async (): Promise<Node[]> => (await platform.api(agent).GET('/api/v1/org/units')).data?.items ?? [];
  const find = (nodes: readonly Node[], id: string): Node | undefined =>
    nodes
      .map((node) => (node.id === id ? node : find(node.children, id)))
      .find((found) => found !== undefined);

  it('starts with the default organisation: the group over the front line and the billing and network departments, each with its queues', async () => {
    const units = await eventually(async () => {
      const nodes = await tree();
      expect(find(nodes, 'network')).toBeDefined();
      return nodes;
    });
    expect(units.map((top) => top.id)).toEqual(['group']);
    expect(units[0]!.children.map((child) => [child.id, child.queues])).toEqual([
      ['billing', ['billing']],
      [
        'front-line',
        ['complaints', 'front-line', 'internal-service-desk', 'partner-desk', 'technical-support'],
      ],
      ['network', ['network']],
    ]);
    expect((await call('GET', '/units/billing', undefined, agent)).body).toMatchObject({
      supervisorId: 'billing-supervisor',
      calendarId: 'cn-standard',
      unitType: 'DEPARTMENT',
    });
  });

  it('defines a hierarchy group → province → city → department and shows it as a tree', async () => {
    expect((await call('POST', '/units', unit())).status).toBe(201);
    expect(
      (
        await call(
          'POST',
          '/units',
          unit({
            id: 'gd-sz',
            level: 'CITY',
            parentId: 'gd',
            region: 'GD-SZ',
            names: { zh: '深圳分公司', en: 'Shenzhen branch' },
          }),
        )
      ).status,
    ).toBe(201);
    const created = await call(
      'POST',
      '/units',
      unit({
        id: 'sz-billing',
        level: 'DEPARTMENT',
        parentId: 'gd-sz',
        region: 'GD-SZ',
        names: { zh: '深圳计费部', en: 'Shenzhen billing' },
        reason: 'billing disputes handled locally',
      }),
    );
    expect(created).toMatchObject({
      status: 201,
      body: { id: 'sz-billing', level: 'DEPARTMENT', parentId: 'gd-sz', version: 1 },
    });

    const nodes = await eventually(async () => {
      const found = await tree();
      expect(find(found, 'sz-billing')).toBeDefined();
      return found;
    });
    expect(find(nodes, 'gd')!.children.map((child) => child.id)).toEqual(['gd-sz']);
    expect(find(nodes, 'gd-sz')!.children.map((child) => child.id)).toEqual(['sz-billing']);
  });

  it.each([
    [
      'a parent of the same level',
      unit({ id: 'gd-gz', level: 'CITY', parentId: 'gd-sz' }),
      ['parentId'],
      'is a CITY',
    ],
    [
      'a parent of a lower level',
      unit({ id: 'gd-dg', level: 'CITY', parentId: 'sz-billing' }),
      ['parentId'],
      'is a DEPARTMENT',
    ],
    ['an unknown parent', unit({ id: 'hn', parentId: 'atlantis' }), ['parentId'], 'no unit atlantis'],
    ['a province without a parent', unit({ id: 'hn', parentId: null }), ['parentId'], 'must sit under'],
    [
      'malformed fields',
      unit({
        id: 'HN!',
        level: 'COUNTY',
        names: { zh: '' },
        region: 'hunan',
        calendarId: 'Cn Standard',
        colour: 'red',
      }),
      ['id', 'level', 'names.zh', 'names.en', 'region', 'calendarId', 'colour'],
      'invalid',
    ],
  ])('refuses %s with 400 naming each field, and stores nothing', async (_case, body, fields, detail) => {
    const head = await workflowHead();
    const refused = await call('POST', '/units', body);
    expect(refused.status).toBe(400);
    expect(refused.contentType).toContain('application/problem+json');
    expect(fieldsOf(refused.body)).toEqual(fields);
    expect(String(refused.body['detail'])).toContain(detail);
    expect(await workflowHead()).toBe(head);
  });

  it('refuses to move a unit under its own descendant (a cycle), and stores nothing', async () => {
    const head = await workflowHead();
    const refused = await call('PATCH', '/units/gd', { parentId: 'sz-billing' });
    expect(refused).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'parentId', message: expect.stringContaining('own descendant') }] },
    });
    expect(await workflowHead()).toBe(head);
  });

  it.each([
    ['a second unit gd', '/units', unit()],
    ['a queue taking the unit id gd', '/queues', { id: 'gd', unitId: 'billing', name: 'GD desk' }],
    [
      'a partner taking the queue id complaints',
      '/partners',
      {
        id: 'complaints',
        names: { zh: '投诉', en: 'Complaints Ltd' },
        regions: ['GD'],
        calendarId: 'cn-standard',
      },
    ],
    ['a unit taking the partner id reseller-a', '/units', unit({ id: 'reseller-a' })],
  ])('refuses a duplicate id with 409 (%s), and stores nothing', async (_case, path, body) => {
    if (path === '/units' && body['id'] === 'reseller-a')
      expect(
        (
          await call('POST', '/partners', {
            id: 'reseller-a',
            names: { zh: '甲代理商', en: 'Reseller A' },
            regions: ['GD'],
            calendarId: 'cn-standard',
          })
        ).status,
      ).toBe(201);
    const head = await workflowHead();
    const refused = await call('POST', path, body);
    expect(refused.status).toBe(409);
    expect(refused.contentType).toContain('application/problem+json');
    expect(await workflowHead()).toBe(head);
  });

  it("lets a unit's own desk carry the unit's id", async () => {
    const desk = await call('POST', '/queues', {
      id: 'sz-billing',
      unitId: 'sz-billing',
      name: 'Shenzhen billing desk',
      skills: ['Billing'],
    });
    expect(desk).toMatchObject({
      status: 201,
      body: { id: 'sz-billing', unitId: 'sz-billing', skills: ['billing'] },
    });
    expect((await call('PATCH', '/queues/sz-billing', { unitId: 'billing' })).body).toMatchObject({
      errors: [{ field: 'unitId' }],
    });
  });

  it('changes a unit against the version it was read at (If-Match), and refuses a stale one with 409', async () => {
    const read = await call('GET', '/units/gd-sz', undefined, agent);
    const etag = `"${String(read.body['version'])}"`;
    const changed = await changeIfMatch(
      '/units/gd-sz',
      { supervisorId: 'sz-supervisor', reason: 'new branch head' },
      etag,
    );
    expect(changed).toMatchObject({ status: 200, body: { supervisorId: 'sz-supervisor', version: 2 } });

    const head = await workflowHead();
    const stale = await changeIfMatch('/units/gd-sz', { supervisorId: 'someone-else' }, etag);
    expect(stale.status).toBe(409);
    expect((await changeIfMatch('/units/gd-sz', { supervisorId: 'someone-else' }, 'v2')).body).toMatchObject({
      status: 400,
      errors: [{ field: 'If-Match' }],
    });
    expect((await call('PATCH', '/units/gd-sz', { level: 'PROVINCE' })).body).toMatchObject({
      status: 400,
      errors: [{ field: 'level' }],
    });
    expect((await call('PATCH', '/units/gd-sz', {})).status).toBe(400);
    expect(await workflowHead()).toBe(head);
  });

  it('answers 404 for an unknown unit, queue, agent or partner, and 400 for a malformed id', async () => {
    for (const path of ['/units/atlantis', '/queues/atlantis', '/agents/nobody', '/partners/atlantis'])
      expect((await call('GET', path, undefined, agent)).status).toBe(404);
    expect((await call('PATCH', '/units/atlantis', { region: 'GD' })).status).toBe(404);
    expect((await call('GET', '/units/Not%20A%20Slug', undefined, agent)).body).toMatchObject({
      status: 400,
      errors: [{ field: 'id' }],
    });
  });

  it('lets staff read and only admins change; customers see nothing', async () => {
    expect((await call('GET', '/queues', undefined, agent)).status).toBe(200);
    expect((await call('POST', '/units', unit({ id: 'hn' }), agent)).status).toBe(403);
    expect((await call('GET', '/units', undefined, customer)).status).toBe(403);
  });

  it('enrols, changes and deactivates an agent, naming bad fields', async () => {
    const refused = await call('POST', '/agents', {
      id: 'agent-wu',
      unitId: 'front-line',
      queues: ['complaints', 'nowhere'],
      languages: ['chinese'],
      capacity: 2.5,
    });
    expect(fieldsOf(refused.body)).toEqual(['languages.0', 'capacity']);
    const unknownQueue = await call('POST', '/agents', {
      id: 'agent-wu',
      unitId: 'front-line',
      queues: ['complaints', 'nowhere'],
      languages: ['zh'],
      capacity: 2,
    });
    expect(unknownQueue.body).toMatchObject({
      status: 400,
      errors: [{ field: 'queues[1]', message: 'no queue nowhere exists' }],
    });

    const enrolled = await call('POST', '/agents', {
      id: 'agent-wu',
      unitId: 'front-line',
      queues: ['partner-desk'],
      skills: ['sim'],
      languages: ['zh', 'en'],
      capacity: 2,
    });
    expect(enrolled).toMatchObject({
      status: 201,
      body: { id: 'agent-wu', active: true, load: 0, capacity: 2 },
    });
    expect(
      (
        await call('POST', '/agents', {
          id: 'agent-wu',
          unitId: 'front-line',
          queues: [],
          languages: ['zh'],
          capacity: 1,
        })
      ).status,
    ).toBe(409);
    expect((await call('POST', '/agents/agent-wu/deactivate', { reason: 'on leave' })).body).toMatchObject({
      active: false,
    });
    expect((await call('POST', '/agents/agent-wu/deactivate', { reason: 'again' })).status).toBe(409);
    await eventually(async () =>
      expect((await call('GET', '/agents?queueId=partner-desk', undefined, agent)).body['items']).toEqual([
        expect.objectContaining({ id: 'agent-wu', active: false }),
      ]),
    );
  });

  describe('the responsibility matrix', () => {
    const lookup = (query: string) => call('GET', `/responsibilities/lookup?${query}`, undefined, agent);

    it('answers 404 while no entry covers the facts', async () =>
      expect((await lookup('category=billing')).status).toBe(404));

    it('picks the most specific entry covering the facts', async () => {
      const entries = [
        { unitId: 'front-line', queueId: 'front-line' },
        { category: 'billing', unitId: 'billing', queueId: 'billing' },
        { category: 'billing', region: 'GD-SZ', unitId: 'sz-billing', queueId: 'sz-billing' },
        {
          requestType: 'COMPLAINT',
          category: 'billing/wrong-charge',
          region: 'GD',
          unitId: 'front-line',
          queueId: 'complaints',
        },
        { category: 'network', unitId: 'network' },
        { region: 'GD', unitId: 'reseller-a' },
      ];
      for (const entry of entries) expect((await call('POST', '/responsibilities', entry)).status).toBe(201);

      const cases: [string, Json][] = [
        [
          'requestType=CONSULT&category=plan/change&region=BJ',
          { unitId: 'front-line', queueId: 'front-line' },
        ],
        ['category=billing/refund&region=BJ', { unitId: 'billing', queueId: 'billing' }],
        [
          'category=billing/refund&region=GD-SZ',
          { unitId: 'sz-billing', queueId: 'sz-billing', category: 'billing', region: 'GD-SZ' },
        ],
        [
          'requestType=COMPLAINT&category=billing/wrong-charge&region=GD-SZ',
          { unitId: 'front-line', queueId: 'complaints' },
        ],
        ['requestType=FAULT&category=network/no-signal&region=GD-GZ', { unitId: 'network', queueId: null }],
        ['category=sim/activation&region=GD-GZ', { unitId: 'reseller-a', queueId: null }],
      ];
      for (const [query, expected] of cases) expect((await lookup(query)).body).toMatchObject(expected);
      await eventually(async () =>
        expect((await call('GET', '/responsibilities', undefined, agent)).body['items']).toHaveLength(
          entries.length,
        ),
      );
    });

    it('refuses a second entry for the same scope (409), a queue of another unit (400), and stores nothing', async () => {
      const head = await workflowHead();
      expect(
        (
          await call('POST', '/responsibilities', {
            category: 'billing',
            unitId: 'network',
            queueId: 'network',
          })
        ).status,
      ).toBe(409);
      expect(
        (await call('POST', '/responsibilities', { category: 'sim', unitId: 'billing', queueId: 'network' }))
          .body,
      ).toMatchObject({ status: 400, errors: [{ field: 'queueId' }] });
      // A region is spelt one way everywhere: `gd` is looked up as GD; what is no region code is refused.
      expect((await lookup('category=billing&region=gd')).body).toEqual(
        (await lookup('category=billing&region=GD')).body,
      );
      expect((await lookup('category=billing&region=G_D')).body).toMatchObject({
        status: 400,
        errors: [{ field: 'region' }],
      });
      expect(await workflowHead()).toBe(head);
    });

    it('withdraws an entry, after which the next most specific one decides', async () => {
      const sz = await lookup('category=billing&region=GD-SZ');
      expect(
        (
          await call('POST', `/responsibilities/${String(sz.body['id'])}/withdraw`, {
            reason: 'merged into billing',
          })
        ).status,
      ).toBe(200);
      expect((await lookup('category=billing&region=GD-SZ')).body).toMatchObject({ unitId: 'billing' });
      expect(
        (await call('POST', `/responsibilities/${String(sz.body['id'])}/withdraw`, { reason: 'again' }))
          .status,
      ).toBe(404);
    });
  });
});
