import { MovableClock, eventually } from '@collab/testing';
import { KnowledgeApp, type Storage } from '../../knowledge.e2e-app';
import { CORPUS, QUERIES, type CorpusArticle } from './corpus.fixture';

interface Results {
  items: { id: string }[];
  page: { total: number };
}

const MIN_RECALL_AT_3 = 0.9;
const keyOf = (article: Pick<CorpusArticle, 'key' | 'language'>) => `${article.key}/${article.language}`;

describe.each<Storage>(['embedded', 'PostgreSQL'])('multilingual relevance over a 200-article corpus (%s)', (storage) => {
  let knowledge: KnowledgeApp;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    knowledge = await KnowledgeApp.start(new MovableClock('2026-11-20T09:00:00Z'), storage);
    await knowledge.call('editor', 'POST', '/nodes', { id: 'support', names: { en: 'Support' } });
    for (const article of CORPUS) {
      const id = await knowledge.publish({ title: article.title, body: article.body, summary: '', type: 'SERVICE', nodeId: 'support', tags: [], audiences: ['EXTERNAL'], language: article.language });
      ids.set(keyOf(article), id);
    }
    await eventually(async () => {
      const reply = await knowledge.call<Results>('customer', 'GET', '/search?q=support&lang=en&limit=1');
      if (reply.body.page.total !== CORPUS.length / 5) throw new Error(`indexed ${reply.body.page.total} English articles so far`);
    }, { timeoutMs: 60_000 });
  }, 300_000);

  afterAll(() => knowledge?.stop());

  it(`holds ${CORPUS.length} articles and ${QUERIES.length} queries`, () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(200);
    expect(QUERIES.length).toBeGreaterThanOrEqual(40);
  });

  it(`finds the expected article among the first three for at least ${MIN_RECALL_AT_3 * 100}% of the queries (recall@3)`, async () => {
    const misses: string[] = [];
    for (const query of QUERIES) {
      const reply = await knowledge.call<Results>('customer', 'GET', `/search?q=${encodeURIComponent(query.q)}&limit=3`);
      const expected = ids.get(keyOf({ key: query.expected[0], language: query.expected[1] }));
      if (!reply.body.items.some((result) => result.id === expected)) misses.push(`${query.kind}: ${query.q} → ${query.expected.join('/')}`);
    }
    const recall = (QUERIES.length - misses.length) / QUERIES.length;
    process.stdout.write(`knowledge recall@3 (${storage}): ${recall.toFixed(3)} over ${QUERIES.length} queries, ${CORPUS.length} articles${misses.length ? `; missed: ${misses.join('; ')}` : ''}\n`);
    expect(recall).toBeGreaterThanOrEqual(MIN_RECALL_AT_3);
  });
});
