import { randomUUID } from 'node:crypto';
import { selfServiceStreamId } from '@collab/knowledge-domain';
import { MovableClock } from '@collab/testing';
import { knowledgeContract } from '../knowledge.contract';
import { KnowledgeApp, type Caller } from '../knowledge.e2e-app';

interface Suggested {
  suggestions: { id: string; title: string }[];
}

const base = { summary: '', type: 'SERVICE', nodeId: 'billing', tags: ['billing'], language: 'en' };

describe('suggestions and self-service resolutions (deflection)', () => {
  let knowledge: KnowledgeApp;
  let external = '';
  let internal = '';

  beforeAll(async () => {
    knowledge = await KnowledgeApp.start(new MovableClock('2026-11-20T09:00:00Z'));
    await knowledge.call('editor', 'POST', '/nodes', { id: 'billing', names: { en: 'Billing' } });
    external = await knowledge.publish({ ...base, title: 'Roaming charges on your bill', body: 'Check the itemised roaming charges before you dispute the bill.', audiences: ['EXTERNAL'] });
    internal = await knowledge.publish({ ...base, title: 'Crediting disputed roaming charges', body: 'Back office: how to credit roaming charges after a dispute.', audiences: ['INTERNAL'] });
    await knowledge.searchUntil<{ page: { total: number } }>('staff', 'q=roaming', (reply) => reply.body.page.total === 2);
  }, 60_000);

  afterAll(() => knowledge?.stop());

  const text = 'Hello, my last bill shows roaming charges from a trip I never made. What can I do?';

  it.each<[Caller, string[]]>([
    ['customer', ['external']],
    ['staff', ['external', 'internal']],
    ['reseller2', ['external']],
  ])('suggests for a %s only what its audience may read: %j', async (caller, expected) => {
    const reply = await knowledge.call<Suggested>(caller, 'POST', '/suggestions', { text, category: 'billing' });
    expect(reply.status).toBe(200);
    const names = reply.body.suggestions.map((hit) => (hit.id === external ? 'external' : hit.id === internal ? 'internal' : hit.id));
    expect(names.sort()).toEqual(expected);
  });

  it('refuses bad suggestion requests naming each field', async () => {
    const reply = await knowledge.call('customer', 'POST', '/suggestions', { text: ' ', limit: 0, extra: 1 });
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.map((error) => error.field).sort()).toEqual(['extra', 'limit', 'text']);
  });

  it('records SelfServiceResolved once when a customer says the article solved it, and publishes it', async () => {
    const resolutionId = randomUUID();
    const first = await knowledge.call('customer', 'POST', '/self-service/resolutions', { resolutionId, articleId: external, channel: 'app' });
    expect(first).toMatchObject({ status: 201, body: { resolutionId, articleId: external, customerId: 'customer-1' } });
    expect((await knowledge.call('customer', 'POST', '/self-service/resolutions', { resolutionId, articleId: external, channel: 'app' })).status).toBe(201);
    const events = await knowledge.recorded(selfServiceStreamId(resolutionId));
    expect(events).toEqual([{ type: 'SelfServiceResolved', data: expect.objectContaining({ resolutionId, articleId: external, articleVersion: 1, customerId: 'customer-1', channel: 'app' }) as unknown }]);
    expect(knowledgeContract.publishes).toContain('SelfServiceResolved');
  });

  it('lets staff record it for a named customer, and keeps a customer to their own', async () => {
    expect(await knowledge.call('staff', 'POST', '/self-service/resolutions', { articleId: external })).toMatchObject({ status: 400, body: { errors: [{ field: 'customerId' }] } });
    expect(await knowledge.call('staff', 'POST', '/self-service/resolutions', { articleId: external, customerId: 'customer-9' })).toMatchObject({ status: 201, body: { customerId: 'customer-9' } });
    expect((await knowledge.call('customer', 'POST', '/self-service/resolutions', { articleId: external, customerId: 'customer-9' })).status).toBe(403);
  });

  it('answers 404 for an article the caller may not see, and 400 for a bad id', async () => {
    expect((await knowledge.call('customer', 'POST', '/self-service/resolutions', { articleId: internal })).status).toBe(404);
    expect(await knowledge.call('customer', 'POST', '/self-service/resolutions', { articleId: 'nope' })).toMatchObject({ status: 400, body: { errors: [{ field: 'articleId' }] } });
  });
});
