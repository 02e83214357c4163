import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { eventually, MovableClock } from '@collab/testing';
import { KnowledgeApp, type Caller } from '../knowledge.e2e-app';
import { CaseResolutionsConsumer } from './case-resolutions.consumer';

interface Effectiveness {
  articleId: string;
  views: number;
  helpful: number;
  unhelpful: number;
  usedToResolve: number;
  selfServiceResolutions: number;
  helpfulnessRate: number | null;
}

interface Unhelpful {
  items: { articleId: string; views: number; unhelpful: number }[];
  page: { limit: number; next: string | null };
}

const base = { summary: '', type: 'SERVICE', nodeId: 'roaming', tags: [], language: 'en', audiences: ['EXTERNAL'] };

describe("articles' effectiveness: views, votes, cases resolved and self-service", () => {
  const clock = new MovableClock('2026-11-20T09:00:00Z');
  let knowledge: KnowledgeApp;
  let useful = '';
  let useless = '';
  let internal = '';

  beforeAll(async () => {
    knowledge = await KnowledgeApp.start(clock);
    await knowledge.call('editor', 'POST', '/nodes', { id: 'roaming', names: { en: 'Roaming' } });
    useful = await knowledge.publish({ ...base, title: 'Turning on roaming', body: 'Open the app, choose Roaming and switch it on.' });
    useless = await knowledge.publish({ ...base, title: 'Roaming zones', body: 'The world is divided into zones.' });
    internal = await knowledge.publish({ ...base, title: 'Roaming credits (back office)', body: 'How to credit roaming.', audiences: ['INTERNAL'] });
  }, 120_000);

  afterAll(() => knowledge?.stop());

  const effectiveness = (articleId: string, caller: Caller = 'staff') => knowledge.call<Effectiveness>(caller, 'GET', `/articles/${articleId}/effectiveness`);
  const until = (articleId: string, expected: Partial<Effectiveness>) =>
    eventually(async () => expect((await effectiveness(articleId)).body).toMatchObject(expected), { timeoutMs: 10_000 });

  it('counts a view once however often the client retries it, and each view of the day and the next', async () => {
    const viewId = randomUUID();
    for (let attempt = 0; attempt < 3; attempt++)
      expect(await knowledge.call('customer', 'POST', `/articles/${useless}/views`, { viewId, channel: 'app' })).toMatchObject({ status: 201, body: { viewId, articleId: useless, version: 1 } });
    clock.advanceMinutes(24 * 60);
    // The same view retried the next day is still the view already counted.
    expect((await knowledge.call('customer', 'POST', `/articles/${useless}/views`, { viewId })).status).toBe(201);
    expect((await knowledge.call('staff', 'POST', `/articles/${useless}/views`, {})).status).toBe(201);
    await until(useless, { views: 2, helpful: 0, unhelpful: 0, helpfulnessRate: null });
  });

  it('counts votes, resolutions and self-service, a case redelivered counting once', async () => {
    await knowledge.call('customer', 'POST', `/articles/${useful}/views`, {});
    await knowledge.call('customer', 'POST', `/articles/${useful}/feedback`, { helpful: false });
    await knowledge.call('customer', 'POST', `/articles/${useful}/feedback`, { helpful: true });
    await knowledge.call('reseller1', 'POST', `/articles/${useful}/feedback`, { helpful: false });
    await knowledge.call('customer', 'POST', '/self-service/resolutions', { articleId: useful });
    const resolved = await knowledge.caseResolved([useful, useful, 'kb-not-an-article', randomUUID()]);
    await until(useful, { usedToResolve: 1 });
    const consumer = knowledge.get(CaseResolutionsConsumer);
    await consumer.on(resolved);
    await consumer.on(resolved);
    await until(useful, { articleId: useful, views: 1, helpful: 1, unhelpful: 1, usedToResolve: 1, selfServiceResolutions: 1, helpfulnessRate: 0.5 });
  });

  it('lists the articles read often that never helped, most read first, a page at a time', async () => {
    await eventually(async () => {
      const reply = await knowledge.call<Unhelpful>('editor', 'GET', '/effectiveness/unhelpful?minViews=2&limit=1');
      expect(reply).toMatchObject({ status: 200, body: { items: [{ articleId: useless, views: 2, unhelpful: 0 }], page: { limit: 1, next: null } } });
    });
    expect((await knowledge.call<Unhelpful>('staff', 'GET', '/effectiveness/unhelpful?minViews=3')).body.items).toEqual([]);
  });

  it.each<[Caller, number]>([
    ['customer', 403],
    ['reseller1', 403],
    ['staff', 200],
    ['editor', 200],
  ])('lets %s read effectiveness or not (%i)', async (caller, status) => {
    expect((await effectiveness(useful, caller)).status).toBe(status);
    expect((await knowledge.call(caller, 'GET', '/effectiveness/unhelpful')).status).toBe(status);
  });

  it('answers the same figures over gRPC to staff and editors, and refuses customers and partners', async () => {
    const asked = (caller: Caller, articleId = useful) => knowledge.grpc<{ effectiveness: Record<string, unknown> }>(caller, 'GetArticleEffectiveness', { articleId });
    for (const caller of ['staff', 'editor'] as const)
      expect((await asked(caller)).response?.effectiveness).toEqual({
        articleId: useful, views: 1, helpful: 1, unhelpful: 1, usedToResolve: 1, selfServiceResolutions: 1, helpfulnessRate: { value: 0.5 },
      });
    expect((await asked('staff', useless)).response?.effectiveness).toMatchObject({ views: 2, helpfulnessRate: null });
    for (const caller of ['customer', 'reseller1'] as const) expect((await asked(caller)).error?.code).toBe(status.PERMISSION_DENIED);
    expect((await asked('staff', 'nope')).error?.code).toBe(status.INVALID_ARGUMENT);
    expect((await asked('staff', randomUUID())).error?.code).toBe(status.NOT_FOUND);
  });

  it('keeps an article a customer may not see from being viewed, and answers bad input 400 naming the field', async () => {
    expect((await knowledge.call('customer', 'POST', `/articles/${internal}/views`, {})).status).toBe(404);
    expect(await knowledge.call('customer', 'POST', `/articles/${useful}/views`, { viewId: 'again' })).toMatchObject({ status: 400, body: { errors: [{ field: 'viewId' }] } });
    expect(await knowledge.call('staff', 'GET', '/effectiveness/unhelpful?minViews=0')).toMatchObject({ status: 400, body: { errors: [{ field: 'minViews' }] } });
    expect((await knowledge.call('staff', 'GET', `/articles/${randomUUID()}/effectiveness`)).status).toBe(404);
  });
});
