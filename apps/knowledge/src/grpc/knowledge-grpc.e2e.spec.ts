import { status } from '@grpc/grpc-js';
import { FIELD_ERRORS_TRAILER } from '@collab/service-kit';
import { MovableClock } from '@collab/testing';
import { KnowledgeApp, type Caller, type GrpcAnswer } from '../knowledge.e2e-app';

interface Hit { id: string; title: string; snippet: string; type: string }
interface SearchReply { total: number; page: number; pageSize: number; results: Hit[] }

const base = { summary: '', type: 'SERVICE', nodeId: 'billing', tags: [] as string[] };
const ARTICLES = {
  external: { ...base, title: '国际漫游账单金额错误', body: '如果您的国际漫游账单金额错误，请核对漫游清单后申请退款。', audiences: ['EXTERNAL'], language: 'zh-Hans', tags: ['roaming'] },
  internal: { ...base, title: '内部：账单金额错误的核查流程', body: '计费部核查账单金额错误的内部步骤。', audiences: ['INTERNAL'], language: 'zh-Hans' },
  reseller: { ...base, title: '代理商：账单金额错误怎么办', body: '代理商为客户处理账单金额错误的方法。', audiences: ['PARTNER'], partners: ['reseller-1'], language: 'zh-Hans' },
  finnish: { ...base, title: 'Virheellinen summa laskussani', body: 'Jos liittymäni laskussa on virheellinen summa, tarkista erittely.', audiences: ['EXTERNAL'], language: 'fi', type: 'POLICY' },
} as const;
type Name = keyof typeof ARTICLES;

describe('collab.knowledge.v1.KnowledgeService over gRPC (a client built from proto/)', () => {
  let knowledge: KnowledgeApp;
  const ids = {} as Record<Name, string>;
  const nameOf = (id: string) => (Object.keys(ids) as Name[]).find((name) => ids[name] === id);
  const fieldsOf = (answer: GrpcAnswer<unknown>) =>
    (JSON.parse(String(answer.error?.metadata.get(FIELD_ERRORS_TRAILER)[0] ?? '[]')) as { field: string }[]).map((error) => error.field).sort();

  beforeAll(async () => {
    knowledge = await KnowledgeApp.start(new MovableClock('2026-11-20T09:00:00Z'));
    await knowledge.call('editor', 'POST', '/nodes', { id: 'billing', names: { en: 'Billing' } });
    for (const name of Object.keys(ARTICLES) as Name[]) ids[name] = await knowledge.publish(ARTICLES[name]);
    await knowledge.searchUntil<{ page: { total: number } }>('staff', `q=${encodeURIComponent('账单金额')}`, (reply) => reply.body.page.total === 3);
  }, 60_000);

  afterAll(() => knowledge?.stop());

  describe('filters by the caller’s audience exactly as REST does', () => {
    it.each<[Caller, Name[]]>([
      ['customer', ['external']],
      ['staff', ['external', 'internal', 'reseller']],
      ['reseller1', ['external', 'reseller']],
      ['reseller2', ['external']],
    ])('%s: Search, its count and Suggest see %j', async (caller, expected) => {
      const q = '账单金额';
      const grpc = await knowledge.grpc<SearchReply>(caller, 'Search', { q });
      const rest = await knowledge.call<{ items: Hit[] }>(caller, 'GET', `/search?q=${encodeURIComponent(q)}`);
      expect(grpc.response?.results.map((hit) => nameOf(hit.id)).sort()).toEqual([...expected].sort());
      expect(grpc.response?.total).toBe(expected.length);
      expect(grpc.response?.results.map((hit) => hit.id)).toEqual(rest.body.items.map((hit) => hit.id));
      const suggested = await knowledge.grpc<{ suggestions: Hit[] }>(caller, 'Suggest', { text: '我的国际漫游账单金额好像错误了，怎么办？' });
      expect(suggested.response?.suggestions.map((hit) => nameOf(hit.id)).sort()).toEqual([...expected].sort());
    });

    it.each<[Caller, Name, status]>([
      ['customer', 'internal', status.NOT_FOUND],
      ['customer', 'reseller', status.NOT_FOUND],
      ['reseller2', 'reseller', status.NOT_FOUND],
      ['reseller1', 'reseller', status.OK],
      ['staff', 'internal', status.OK],
      ['customer', 'external', status.OK],
    ])('%s: GetArticle of the %s article → %s', async (caller, name, code) => {
      const answer = await knowledge.grpc<{ article: { id: string; title: string; body: string; type: string; audiences: string[] } }>(caller, 'GetArticle', { articleId: ids[name] });
      expect(answer.error?.code ?? status.OK).toBe(code);
      if (code === status.OK) expect(answer.response?.article).toMatchObject({ id: ids[name], title: ARTICLES[name].title, body: ARTICLES[name].body, type: `ARTICLE_TYPE_${ARTICLES[name].type}` });
    });
  });

  it('searches Finnish by its base form, with a marked snippet and typed fields', async () => {
    const answer = await knowledge.grpc<SearchReply>('customer', 'Search', { q: 'lasku', type: 'ARTICLE_TYPE_POLICY' });
    expect(answer.response).toMatchObject({ total: 1, page: 1, pageSize: 10, results: [{ id: ids.finnish, type: 'ARTICLE_TYPE_POLICY' }] });
    expect(answer.response?.results[0]?.snippet).toContain('<mark>');
  });

  it('answers bad input with INVALID_ARGUMENT naming each field', async () => {
    const search = await knowledge.grpc('customer', 'Search', { q: '', page: -1, pageSize: 500 });
    expect(search.error?.code).toBe(status.INVALID_ARGUMENT);
    expect(fieldsOf(search)).toEqual(['page', 'page_size', 'q']);
    const wrongType = await knowledge.grpc('customer', 'Search', { q: 'lasku', type: 99 });
    expect([wrongType.error?.code, fieldsOf(wrongType)]).toEqual([status.INVALID_ARGUMENT, ['type']]);
    const article = await knowledge.grpc('customer', 'GetArticle', { articleId: 'not-a-uuid' });
    expect([article.error?.code, fieldsOf(article)]).toEqual([status.INVALID_ARGUMENT, ['article_id']]);
    const suggest = await knowledge.grpc('customer', 'Suggest', { text: ' ', limit: 99 });
    expect([suggest.error?.code, fieldsOf(suggest)]).toEqual([status.INVALID_ARGUMENT, ['limit', 'text']]);
    expect((await knowledge.grpc('customer', 'GetArticle', { articleId: 'a1b2c3d4-0000-4000-8000-000000000099' })).error?.code).toBe(status.NOT_FOUND);
  });
});
