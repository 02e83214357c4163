import { articleFeedbackStreamId } from '@collab/knowledge-domain';
import { MovableClock } from '@collab/testing';
import { KnowledgeApp, type Caller } from '../knowledge.e2e-app';
import { voterKey } from './give-feedback.http';

interface Results {
  items: { id: string; score: number }[];
  page: { total: number };
}

/** Two articles alike word for word, so equally relevant, and published the same day: only readers' votes tell them apart. */
const twin = { title: 'Resetting your voicemail PIN', body: 'Dial the voicemail number and follow the prompts to reset the PIN.', summary: '', type: 'SERVICE', nodeId: 'voicemail', tags: [], language: 'en' };

describe('readers telling whether an article helped', () => {
  let knowledge: KnowledgeApp;
  let older = '';
  let newer = '';
  let internal = '';

  beforeAll(async () => {
    const clock = new MovableClock('2026-11-20T09:00:00Z');
    knowledge = await KnowledgeApp.start(clock);
    await knowledge.call('editor', 'POST', '/nodes', { id: 'voicemail', names: { en: 'Voicemail' } });
    older = await knowledge.publish({ ...twin, audiences: ['EXTERNAL'] });
    clock.advanceMinutes(5);
    newer = await knowledge.publish({ ...twin, audiences: ['EXTERNAL'] });
    internal = await knowledge.publish({ ...twin, title: 'Voicemail PIN resets: back office', audiences: ['INTERNAL'] });
    await knowledge.searchUntil<Results>('staff', 'q=voicemail', (reply) => reply.body.page.total === 3);
  }, 180_000);

  afterAll(() => knowledge?.stop());

  const ranked = (caller: Caller = 'customer') => knowledge.call<Results>(caller, 'GET', '/search?q=voicemail%20pin');

  it('ranks two equally relevant articles of the same day newest first while nobody has voted', async () => {
    const reply = await ranked();
    expect(reply.body.items.map((hit) => hit.id)).toEqual([newer, older]);
    expect(reply.body.items[0]?.score).toBe(reply.body.items[1]?.score);
  });

  it('ranks the more helpful of two equally relevant articles first', async () => {
    for (const caller of ['customer', 'staff', 'reseller1'] as const)
      expect(await knowledge.call(caller, 'POST', `/articles/${older}/feedback`, { helpful: true })).toMatchObject({ status: 200, body: { articleId: older, version: 1, helpful: true } });
    expect((await knowledge.call('customer', 'POST', `/articles/${newer}/feedback`, { helpful: false })).status).toBe(200);
    await knowledge.searchUntil<Results>('customer', 'q=voicemail%20pin', (reply) => reply.body.items[0]?.id === older);
    expect((await ranked()).body.items.map((hit) => hit.id)).toEqual([older, newer]);
  });

  it('counts one vote per caller and version: the same vote again records nothing, a changed one replaces it', async () => {
    const votes = async () => (await knowledge.recorded(articleFeedbackStreamId(newer, 1, voterKey('customer-1')))).length;
    const before = await votes();
    await knowledge.call('customer', 'POST', `/articles/${newer}/feedback`, { helpful: false });
    expect(await votes()).toBe(before);
    await knowledge.call('customer', 'POST', `/articles/${newer}/feedback`, { helpful: true });
    expect(await votes()).toBe(before + 1);
  });

  it.each<[Caller, number]>([
    ['customer', 404],
    ['reseller1', 404],
    ['staff', 200],
  ])('lets %s vote only on an article it may see (%i)', async (caller, status) => {
    expect((await knowledge.call(caller, 'POST', `/articles/${internal}/feedback`, { helpful: true })).status).toBe(status);
  });

  it('refuses a vote that is not yes or no, naming the field', async () => {
    expect(await knowledge.call('customer', 'POST', `/articles/${older}/feedback`, { helpful: 'very' })).toMatchObject({ status: 400, body: { errors: [{ field: 'helpful' }] } });
    expect((await knowledge.call('customer', 'POST', '/articles/not-an-id/feedback', { helpful: true })).status).toBe(400);
  });
});
