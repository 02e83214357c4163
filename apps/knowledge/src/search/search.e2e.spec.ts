import { MovableClock } from '@collab/testing';
import { KnowledgeApp, type Caller, type Reply, type Storage } from '../knowledge.e2e-app';

interface Results {
  items: { id: string; title: string; snippet: string; language: string }[];
  page: { limit: number; next: string | null; total: number };
}

const base = { summary: '', type: 'SERVICE', nodeId: 'billing', tags: [] as string[] };
const ARTICLES = {
  external: { ...base, title: '国际漫游账单金额错误', body: '如果您的国际漫游账单金额错误，请核对漫游清单后申请退款。', audiences: ['EXTERNAL'], language: 'zh-Hans' },
  internal: { ...base, title: '内部：账单金额错误的核查流程', body: '计费部核查账单金额错误的内部步骤。', audiences: ['INTERNAL'], language: 'zh-Hans', tags: ['internal'] },
  reseller: { ...base, title: '代理商：账单金额错误怎么办', body: '代理商为客户处理账单金额错误的方法。', audiences: ['PARTNER'], partners: ['reseller-1'], language: 'zh-Hans' },
  traditional: { ...base, title: '國際漫遊帳單金額錯誤', body: '若您的國際漫遊帳單金額錯誤，請先核對漫遊清單。', audiences: ['EXTERNAL'], language: 'zh-Hant' },
  japanese: { ...base, title: '請求書の金額が間違っています', body: '請求書の金額が間違っている場合は、明細を確認してからお問い合わせください。', audiences: ['EXTERNAL'], language: 'ja' },
  finnish: { ...base, title: 'Virheellinen summa laskussani', body: 'Jos liittymäni laskussa on virheellinen summa, tarkista erittely ja ota yhteyttä asiakaspalveluun.', audiences: ['EXTERNAL'], language: 'fi', type: 'POLICY' },
  english: { ...base, title: 'Unexpected roaming charges', body: 'When roaming charges look wrong on your bill, check the itemised list first.', audiences: ['EXTERNAL'], language: 'en', tags: ['roaming'] },
} as const;
type Name = keyof typeof ARTICLES;

describe.each<Storage>(['embedded', 'PostgreSQL'])('searching knowledge through REST (%s)', (storage) => {
  let knowledge: KnowledgeApp;
  const ids = {} as Record<Name, string>;
  const titles = (reply: Reply<Results>) => reply.body.items.map((result) => result.title);
  const nameOf = (id: string) => (Object.keys(ids) as Name[]).find((name) => ids[name] === id);
  const found = (reply: Reply<Results>) => reply.body.items.map((result) => nameOf(result.id));

  beforeAll(async () => {
    knowledge = await KnowledgeApp.start(new MovableClock('2026-11-20T09:00:00Z'), storage);
    await knowledge.call('editor', 'POST', '/nodes', { id: 'billing', names: { en: 'Billing' } });
    for (const name of Object.keys(ARTICLES) as Name[]) ids[name] = await knowledge.publish(ARTICLES[name]);
    await knowledge.searchUntil<Results>('staff', 'q=summa', (reply) => reply.body.page.total === 1);
    // Eleven articles written, reviewed and indexed on PGlite: well under a minute alone, more beside a full run.
  }, 180_000);

  afterAll(() => knowledge?.stop());

  describe('the caller’s audience filters results, counts and reads by id', () => {
    it.each<[Caller, Name[]]>([
      ['customer', ['external', 'traditional']],
      ['staff', ['external', 'internal', 'reseller', 'traditional']],
      ['reseller1', ['external', 'reseller', 'traditional']],
      ['reseller2', ['external', 'traditional']],
    ])('%s searching 账单金额 (and so its traditional form) sees %j', async (caller, expected) => {
      const reply = await knowledge.searchUntil<Results>(caller, `q=${encodeURIComponent('账单金额')}`, () => true);
      expect(reply.status).toBe(200);
      expect(found(reply).sort()).toEqual([...expected].sort());
      expect(reply.body.page.total).toBe(expected.length);
    });

    it.each<[Caller, Name, number]>([
      ['customer', 'internal', 404],
      ['customer', 'reseller', 404],
      ['reseller2', 'reseller', 404],
      ['reseller2', 'internal', 404],
      ['reseller1', 'reseller', 200],
      ['staff', 'reseller', 200],
      ['customer', 'external', 200],
    ])('%s reading the %s article by id → %i', async (caller, name, status) => {
      expect((await knowledge.call(caller, 'GET', `/articles/${ids[name]}`)).status).toBe(status);
      expect((await knowledge.call(caller, 'GET', `/articles/${ids[name]}/versions`)).status).toBe(status);
    });
  });

  it.each<[string, string, Name]>([
    ['Finnish base form finds the inflected text', 'lasku', 'finnish'],
    ['Finnish inflected query finds it too', 'laskuissa liittymä', 'finnish'],
    ['traditional Chinese', '帳單', 'traditional'],
    ['traditional Chinese, a longer phrase', '漫遊帳單金額', 'traditional'],
    ['Japanese without spaces', '請求書の金額', 'japanese'],
    ['Japanese, a word inside a longer one', '金額', 'japanese'],
    ['English stems', 'charge', 'english'],
  ])('%s (%s)', async (_, q, expected) => {
    const reply = await knowledge.searchUntil<Results>('customer', `q=${encodeURIComponent(q)}`, () => true);
    expect(found(reply)).toContain(expected);
    expect(reply.body.items.find((result) => result.id === ids[expected])?.snippet).toContain('<mark>');
  });

  it('finds simplified and traditional Chinese alike, whichever script the query is in', async () => {
    expect(found(await knowledge.searchUntil<Results>('customer', `q=${encodeURIComponent('帳單')}`, () => true)).sort()).toEqual(['external', 'traditional']);
    const simplified = await knowledge.searchUntil<Results>('customer', `q=${encodeURIComponent('账单')}`, () => true);
    expect(found(simplified).sort()).toEqual(['external', 'traditional']);
    expect(simplified.body.items.find((result) => result.id === ids.traditional)?.snippet).toContain('<mark>帳單</mark>');
  });

  it.each<[string, string, Name]>([
    ['a partial English word', 'roam', 'english'],
    ['a partial Finnish word', 'virheelli', 'finnish'],
    ['an English typo', 'chrages', 'english'],
    ['a Finnish typo', 'liitymäni', 'finnish'],
  ])('forgives %s (%s)', async (_, q, expected) => {
    expect(found(await knowledge.searchUntil<Results>('customer', `q=${encodeURIComponent(q)}`, () => true))).toContain(expected);
  });

  it('narrows by language, type, node and tag, and pages', async () => {
    const q = `q=${encodeURIComponent('金額')}`;
    expect(found(await knowledge.searchUntil<Results>('customer', `${q}&lang=ja`, () => true))).toEqual(['japanese']);
    expect(found(await knowledge.searchUntil<Results>('customer', `${q}&lang=zh`, () => true)).sort()).toEqual(['external', 'traditional']);
    expect(found(await knowledge.searchUntil<Results>('customer', 'q=summa&type=POLICY', () => true))).toEqual(['finnish']);
    expect((await knowledge.searchUntil<Results>('customer', 'q=summa&type=PRODUCT', () => true)).body.page.total).toBe(0);
    expect(found(await knowledge.searchUntil<Results>('customer', 'q=roaming&tag=Roaming&node=billing', () => true))).toEqual(['english']);
    const q2 = `q=${encodeURIComponent('账单金额')}&limit=2`;
    const page1 = await knowledge.searchUntil<Results>('staff', q2, () => true);
    expect(page1.body.page).toMatchObject({ limit: 2, total: 4, next: expect.any(String) as string });
    const page2 = await knowledge.searchUntil<Results>('staff', `${q2}&page=2`, () => true);
    expect(page2.body.page).toMatchObject({ total: 4, next: null });
    expect(page2.body.items).toHaveLength(2);
    const byCursor = await knowledge.searchUntil<Results>('staff', `${q2}&after=${page1.body.page.next}`, () => true);
    expect(byCursor.body.items.map((hit) => hit.id)).toEqual(page2.body.items.map((hit) => hit.id));
    expect(new Set([...page1.body.items, ...page2.body.items].map((hit) => hit.id)).size).toBe(4);
    const past = await knowledge.searchUntil<Results>('staff', `${q2}&page=5`, () => true);
    expect(past.body).toMatchObject({ items: [], page: { total: 4, next: null } });
  });

  it('ranks the better match first', async () => {
    const reply = await knowledge.searchUntil<Results>('staff', `q=${encodeURIComponent('核查流程')}`, () => true);
    expect(titles(reply)[0]).toBe('内部：账单金额错误的核查流程');
  });

  it('refuses a bad query with problem details', async () => {
    const reply = await knowledge.call('customer', 'GET', '/search?q=&page=0&type=RUMOUR&limit=51');
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.map((error) => error.field).sort()).toEqual(['limit', 'page', 'q', 'type']);
    const cursor = await knowledge.call('customer', 'GET', '/search?q=roaming&after=bm90LWFuLW9mZnNldA');
    expect(cursor).toMatchObject({ status: 400, body: { errors: [{ field: 'after' }] } });
  });

  it('drops an archived article from search', async () => {
    await knowledge.call('editor', 'POST', `/articles/${ids.english}/archive`, {});
    await knowledge.searchUntil<Results>('customer', 'q=charge', (reply) => reply.body.page.total === 0);
  });
});
