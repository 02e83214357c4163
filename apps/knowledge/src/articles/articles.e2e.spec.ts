import { MovableClock } from '@collab/testing';
import { KnowledgeApp } from '../knowledge.e2e-app';

const article = (overrides: Record<string, unknown> = {}) => ({
  title: '国际漫游账单金额错误',
  body: '# 处理步骤\n核对漫游清单\n提交退款申请',
  summary: '漫游账单金额错误时的处理方法',
  type: 'PROCESS',
  nodeId: 'billing',
  audiences: ['EXTERNAL', 'INTERNAL'],
  language: 'zh-Hans',
  tags: ['Roaming'],
  ...overrides,
});

describe('knowledge articles through REST', () => {
  let knowledge: KnowledgeApp;
  const clock = new MovableClock('2026-11-20T09:00:00Z');

  beforeAll(async () => {
    knowledge = await KnowledgeApp.start(clock);
    expect((await knowledge.call('editor', 'POST', '/nodes', { id: 'billing', names: { 'zh-Hans': '账单', en: 'Billing' } })).status).toBe(201);
    expect((await knowledge.call('editor', 'POST', '/nodes', { id: 'roaming', parentId: 'billing', names: { en: 'Roaming' } })).status).toBe(201);
  }, 60_000);

  afterAll(() => knowledge?.stop());

  it('keeps the knowledge map a tree: a move into its own subtree is a 400 naming parentId', async () => {
    const cycle = await knowledge.call('editor', 'POST', '/nodes/billing/move', { parentId: 'roaming' });
    expect(cycle).toMatchObject({ status: 400, type: expect.stringContaining('application/problem+json') as string, body: { errors: [{ field: 'parentId' }] } });
    expect(await knowledge.call('customer', 'GET', '/nodes')).toMatchObject({ status: 200, body: { items: [{ nodeId: 'billing', children: [{ nodeId: 'roaming' }] }], page: { next: null, total: 1 } } });
    expect((await knowledge.call('customer', 'POST', '/nodes', { id: 'x', names: { en: 'x' } })).status).toBe(403);
    expect((await knowledge.call('editor', 'GET', '/nodes/nowhere')).status).toBe(404);
  });

  it('takes a draft through review to publication; the author may not approve', async () => {
    const drafted = await knowledge.call('editor2', 'POST', '/articles', article({ title: ' Kun lasku on va\u0308a\u0308ra\u0308 ', language: 'fi' }));
    expect(drafted).toMatchObject({ status: 201, body: { status: 'draft', latestVersion: 1, pending: { version: 1, stage: 'draft', title: 'Kun lasku on väärä', tags: ['roaming'] } } });
    const id = String(drafted.body['id']);
    expect((await knowledge.call('customer', 'GET', `/articles/${id}`)).status).toBe(404);
    expect((await knowledge.call('editor2', 'POST', `/articles/${id}/approve`)).status).toBe(409);
    expect((await knowledge.call('editor2', 'POST', `/articles/${id}/submit`)).body).toMatchObject({ status: 'in-review' });
    expect((await knowledge.call('editor', 'POST', `/articles/${id}/approve`)).status).toBe(403);
    expect(await knowledge.call('editor2', 'POST', `/articles/${id}/approve`)).toMatchObject({ status: 403, body: { detail: expect.stringContaining('wrote') as string } });
    expect(await knowledge.call('reviewer', 'POST', `/articles/${id}/approve`)).toMatchObject({ status: 200, body: { status: 'published', live: { version: 1 } } });
    expect(await knowledge.call('customer', 'GET', `/articles/${id}`)).toMatchObject({ status: 200, body: { id, status: 'published', version: 1, title: 'Kun lasku on väärä' } });
  });

  it('keeps the published version visible while a new draft is written, and shows every version and a diff', async () => {
    const id = await knowledge.publish(article());
    const edited = await knowledge.call('editor', 'PATCH', `/articles/${id}`, { body: '# 处理步骤\n核对漫游清单\n联系计费部\n提交退款申请', tags: ['roaming', 'refund'] });
    expect(edited).toMatchObject({ status: 200, body: { status: 'published', live: { version: 1 }, pending: { version: 2, stage: 'draft' } } });
    expect((await knowledge.call('customer', 'GET', `/articles/${id}`)).body).toMatchObject({ version: 1, tags: ['roaming'] });
    expect((await knowledge.call('customer', 'GET', `/articles/${id}/versions`)).body).toMatchObject({ items: [{ version: 1, stage: 'published' }], page: { total: 1 } });
    expect((await knowledge.call('customer', 'GET', `/articles/${id}/versions/2`)).status).toBe(404);

    await knowledge.call('editor', 'POST', `/articles/${id}/submit`);
    expect(await knowledge.call('reviewer', 'POST', `/articles/${id}/reject`, { reason: '   ' })).toMatchObject({ status: 400, body: { errors: [{ field: 'reason' }] } });
    expect((await knowledge.call('reviewer', 'POST', `/articles/${id}/reject`, { reason: '请写明时限' })).body).toMatchObject({ pending: { version: 2, stage: 'draft' } });
    await knowledge.call('editor', 'POST', `/articles/${id}/submit`);
    await knowledge.call('reviewer', 'POST', `/articles/${id}/approve`);
    expect((await knowledge.call('customer', 'GET', `/articles/${id}`)).body).toMatchObject({ version: 2, tags: ['roaming', 'refund'] });

    expect((await knowledge.call('editor', 'GET', `/articles/${id}/versions`)).body).toMatchObject({ items: [{ version: 1, stage: 'superseded' }, { version: 2, stage: 'published', basedOn: 1 }] });
    const first = await knowledge.call<{ items: { version: number }[]; page: { next: string } }>('editor', 'GET', `/articles/${id}/versions?limit=1`);
    expect(first.body).toMatchObject({ items: [{ version: 1 }], page: { limit: 1, total: 2 } });
    expect((await knowledge.call('editor', 'GET', `/articles/${id}/versions?limit=1&after=${first.body.page.next}`)).body).toMatchObject({ items: [{ version: 2 }], page: { next: null } });
    expect((await knowledge.call('customer', 'GET', `/articles/${id}/diff?from=1&to=2`)).body).toEqual({
      from: 1,
      to: 2,
      fields: [{ field: 'tags', from: ['roaming'], to: ['roaming', 'refund'] }],
      body: [
        { op: 'same', text: '# 处理步骤' },
        { op: 'same', text: '核对漫游清单' },
        { op: 'added', text: '联系计费部' },
        { op: 'same', text: '提交退款申请' },
      ],
    });

    expect((await knowledge.call('editor', 'POST', `/articles/${id}/archive`, { reason: '已合并' })).body).toMatchObject({ status: 'archived' });
    expect((await knowledge.call('customer', 'GET', `/articles/${id}`)).status).toBe(404);
    expect((await knowledge.call('editor', 'PUT', `/articles/${id}`, article())).status).toBe(409);
  });

  it('answers bad input with problem details naming each field', async () => {
    const bad = await knowledge.call('editor', 'POST', '/articles', article({ type: 'RUMOUR', audiences: [], title: 'x'.repeat(500), unknown: 1 }));
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    expect(bad.body.errors?.map((error) => error.field).sort()).toEqual(['audiences', 'title', 'type', 'unknown']);
    const domain = await knowledge.call('editor', 'POST', '/articles', article({ nodeId: 'nowhere', partners: ['reseller-1'] }));
    expect(domain).toMatchObject({ status: 400, body: { errors: [{ field: 'partners' }, { field: 'nodeId' }] } });
    expect((await knowledge.call('editor', 'GET', '/articles/not-a-uuid')).status).toBe(400);
    expect((await knowledge.call('editor', 'GET', '/articles/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await knowledge.call('customer', 'POST', '/articles', article())).status).toBe(403);
  });

  it('links a translation to the knowledge point of the article it translates', async () => {
    const original = await knowledge.publish(article({ language: 'en', title: 'Wrong roaming bill' }));
    const translation = await knowledge.call('editor', 'POST', '/articles', article({ translationOf: original }));
    expect(translation).toMatchObject({ status: 201, body: { knowledgePointId: original } });
    expect((await knowledge.call('editor', 'POST', '/articles', article({ language: 'en', translationOf: original }))).body).toMatchObject({ errors: [{ field: 'language' }] });
  });

  it('shows readers a published version only from its effective date, in search too; PATCH null clears the date', async () => {
    const id = await knowledge.publish(article({ title: 'Tariff change', language: 'en', body: 'New roaming tariff from December.', effectiveFrom: '2026-12-01' }));
    expect((await knowledge.call('customer', 'GET', `/articles/${id}`)).status).toBe(404);
    expect((await knowledge.call('editor', 'GET', `/articles/${id}`)).body).toMatchObject({ status: 'published', live: { effectiveFrom: '2026-12-01' } });
    // Published after it, so once the index holds this one it holds the future one too (the log is applied in order).
    const guide = await knowledge.publish(article({ title: 'Tariff guide', language: 'en', body: 'How tariffs work.' }));
    const onlyGuide = await knowledge.searchUntil<{ items: { id: string }[]; page: { total: number } }>('staff', 'q=tariff', (reply) => reply.body.page.total === 1);
    expect(onlyGuide.body.items.map((result) => result.id)).toEqual([guide]);
    clock.advanceTo('2026-12-01T00:00:01Z');
    expect((await knowledge.call('customer', 'GET', `/articles/${id}`)).status).toBe(200);
    expect((await knowledge.call<{ page: { total: number } }>('customer', 'GET', '/search?q=tariff')).body.page.total).toBe(2);

    const cleared = await knowledge.call('editor', 'PATCH', `/articles/${id}`, { effectiveFrom: null });
    expect(cleared).toMatchObject({ status: 200, body: { pending: { version: 2 } } });
    expect(cleared.body['pending']).not.toHaveProperty('effectiveFrom');
  });
});
