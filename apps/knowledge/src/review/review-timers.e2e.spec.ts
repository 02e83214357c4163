import { MovableClock, eventually } from '@collab/testing';
import { KnowledgeApp, type Reply, type Storage } from '../knowledge.e2e-app';

interface Queue {
  page: { total: number };
  items: { id: string; version: number; reason: string; title: string; dueAt: string }[];
}

const article = (title: string, extra: Record<string, unknown>) => ({
  title, body: `${title}: what to check and whom to call.`, summary: '', type: 'PRODUCT', nodeId: 'roaming', tags: [], audiences: ['EXTERNAL'], language: 'en', ...extra,
});

const START = '2026-11-20T09:00:00Z';

describe.each<Storage>(['embedded', 'PostgreSQL'])('expiry and review dates on durable timers (%s)', (storage) => {
  let clock: MovableClock;
  let knowledge: KnowledgeApp;
  const ids: Record<'expiring' | 'later' | 'archived', string> = { expiring: '', later: '', archived: '' };

  const queue = (until: (reply: Reply<Queue>) => boolean) =>
    eventually(async () => {
      const reply = await knowledge.call<Queue>('reviewer', 'GET', '/review-queue');
      if (!until(reply)) throw new Error(`review queue answered ${JSON.stringify(reply.body)}`);
      return reply;
    }, { timeoutMs: 30_000 });
  const count = (types: string[], type: string) => types.filter((t) => t === type).length;

  beforeAll(async () => {
    clock = new MovableClock(START);
    knowledge = await KnowledgeApp.start(clock, storage);
    await knowledge.call('editor', 'POST', '/nodes', { id: 'roaming', names: { en: 'Roaming' } });
    ids.expiring = await knowledge.publish(article('Roaming bundle prices', { reviewIntervalDays: 1, expiresAt: '2026-11-23T00:00:00Z' }));
    ids.later = await knowledge.publish(article('Roaming in the Nordics', { reviewIntervalDays: 30 }));
    ids.archived = await knowledge.publish(article('Old roaming zones', { reviewIntervalDays: 1, expiresAt: '2026-11-22T00:00:00Z' }));
    await knowledge.call('editor', 'POST', `/articles/${ids.archived}/archive`, { reason: 'merged' });
    await knowledge.searchUntil<{ page: { total: number } }>('customer', 'q=roaming', (reply) => reply.body.page.total === 2);
  }, 60_000);

  afterAll(() => knowledge?.stop());

  it('shows the review queue to editors and reviewers only', async () => {
    expect((await knowledge.call('customer', 'GET', '/review-queue')).status).toBe(403);
    expect((await knowledge.call('staff', 'GET', '/review-queue')).status).toBe(403);
    expect(await knowledge.call('editor', 'GET', '/review-queue?limit=0')).toMatchObject({ status: 400, body: { errors: [{ field: 'limit' }] } });
    expect(await knowledge.call('editor', 'GET', '/review-queue?after=eA')).toMatchObject({ status: 400, body: { errors: [{ field: 'after' }] } });
    expect(await knowledge.call('editor', 'GET', '/review-queue')).toMatchObject({ status: 200, body: { items: [], page: { total: 0, next: null } } });
  });

  it('puts an article in the review queue when its review interval has passed, and nothing else', async () => {
    clock.advanceTo('2026-11-21T09:00:30Z');
    const due = await queue((reply) => reply.body.page.total > 0);
    expect(due.body).toMatchObject({ page: { total: 1, next: null }, items: [{ id: ids.expiring, version: 1, reason: 'REVIEW_DUE', title: 'Roaming bundle prices', dueAt: expect.stringMatching(/^2026-11-21T09:0/) as string }] });
    // Due for review is not expired: customers still find it.
    expect((await knowledge.call('customer', 'GET', `/articles/${ids.expiring}`)).status).toBe(200);
  });

  it('expires an article whose date passed while the service was down, once, across a restart', async () => {
    knowledge = await knowledge.restart(clock, () => clock.advanceTo('2026-11-23T00:10:00Z'));
    await queue((reply) => reply.body.items.some((item) => item.reason === 'EXPIRED'));
    expect((await knowledge.call('customer', 'GET', `/articles/${ids.expiring}`)).status).toBe(404);
    await knowledge.searchUntil<{ page: { total: number } }>('customer', 'q=roaming', (reply) => reply.body.page.total === 1);
    // Several more polls and another restart: nothing fires twice, and the archived article's timers never fired.
    knowledge = await knowledge.restart(clock, () => clock.advanceMinutes(60));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const events = await knowledge.eventTypesOf(ids.expiring);
    expect([count(events, 'ArticleReviewFellDue'), count(events, 'ArticleExpired')]).toEqual([1, 1]);
    expect(await knowledge.eventTypesOf(ids.archived)).not.toContain('ArticleExpired');
    expect(await knowledge.eventTypesOf(ids.archived)).not.toContain('ArticleReviewFellDue');
    expect(await knowledge.eventTypesOf(ids.later)).not.toContain('ArticleReviewFellDue');
  }, 30_000);

  it('takes an article out of the queue when a new version is published', async () => {
    const id = ids.expiring;
    expect((await knowledge.call('editor', 'PATCH', `/articles/${id}`, { expiresAt: '2027-06-01T00:00:00Z' })).status).toBe(200);
    await knowledge.call('editor', 'POST', `/articles/${id}/submit`);
    expect((await knowledge.call('reviewer', 'POST', `/articles/${id}/approve`)).status).toBe(200);
    await queue((reply) => reply.body.page.total === 0);
  });
});
