import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseResolutionsConsumer } from '@collab/knowledge';
import { toCollabEvent } from '@collab/messaging';
import { HostedServices } from '@collab/service-kit';
import { eventually, TEST_MONDAY_MORNING } from '@collab/testing';
import { workflowContract } from '@collab/workflow';
import { runRebuildCommand } from '../../rebuild/rebuild.command';
import { EmbeddedPlatform, MovableClock, type Caller } from '../embedded-platform';
import { customer, frontLineAgent, LifecycleSteps } from '../workflow/lifecycle-steps';

const editor: Caller = { sub: 'editor-1', audience: 'INTERNAL', roles: ['editor'] };
const reviewer: Caller = { sub: 'reviewer-1', audience: 'INTERNAL', roles: ['reviewer'] };
const owner = 'agent-kim';
const requester = 'cust-effective';

describe("an article's effectiveness across services (知识效果), embedded platform", () => {
  const clock = new MovableClock(TEST_MONDAY_MORNING);
  let platform: EmbeddedPlatform;
  let steps: LifecycleSteps;
  let articleId = '';
  let dataDir = '';

  const knowledge = async (caller: Caller, method: string, path: string, body?: unknown) => {
    const answer = await platform.call(method, `/api/v1/knowledge${path}`, { caller, ...(body === undefined ? {} : { body }) });
    if (answer.status >= 300 && method !== 'GET') throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer;
  };

  const effectiveness = () => knowledge(frontLineAgent(owner), 'GET', `/articles/${articleId}/effectiveness`);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'collab-effectiveness-'));
    platform = await EmbeddedPlatform.startOn(dataDir, {}, clock);
    steps = new LifecycleSteps(platform);
    await steps.enrolAgent(owner, 'complaints', 0);
    await knowledge(editor, 'POST', '/nodes', { id: 'billing', names: { en: 'Billing', zh: '账单' } });
    const drafted = await knowledge(editor, 'POST', '/articles', {
      title: '核对账单中的重复扣费', body: '在 App 的账单明细中查看每笔扣费，重复的扣费可申请退款。', summary: '', type: 'SERVICE', nodeId: 'billing',
      tags: ['billing'], language: 'zh-Hans', audiences: ['EXTERNAL'],
    });
    articleId = String(drafted.body['id']);
    await knowledge(editor, 'POST', `/articles/${articleId}/submit`);
    await knowledge(reviewer, 'POST', `/articles/${articleId}/approve`);
  }, 120_000);

  afterAll(() => platform?.stop());

  it('counts a view, a vote and the case an agent resolved with it, each once even when CaseResolved is delivered twice', async () => {
    const viewId = randomUUID();
    await knowledge(customer(requester), 'POST', `/articles/${articleId}/views`, { viewId, channel: 'app' });
    await knowledge(customer(requester), 'POST', `/articles/${articleId}/views`, { viewId, channel: 'app' });
    await knowledge(customer(requester), 'POST', `/articles/${articleId}/feedback`, { helpful: true });

    const caseId = await steps.caseAt('in-progress', requester, owner);
    const resolved = await steps.act(caseId, 'resolve', frontLineAgent(owner), { resolutionCode: 'REFUNDED', knowledgeArticleIds: [articleId], note: '退还重复扣费' });
    expect(resolved.status).toBe(200);

   const effectiveness = () => knowledge(frontLineAgent(owner), 'GET', `/articles/${articleId}/effectiveness`);
    const expected = { articleId, views: 1, helpful: 1, unhelpful: 0, usedToResolve: 1, selfServiceResolutions: 0, helpfulnessRate: 1 };
    await eventually(async () => expect((await effectiveness()).body).toEqual(expected), { timeoutMs: 15_000 });

    // Kafka or the log may hand the same message over again (at least once): the link is made once.
    const workflowLog = platform.app.get(HostedServices).get('workflow')!.store;
    const caseResolved = (await workflowLog.readStream(`case-${caseId}`)).find((event) => event.type === 'CaseResolved')!;
    const consumer = platform.app.get(CaseResolutionsConsumer);
    await consumer.on(toCollabEvent(workflowContract, caseResolved));
    await consumer.on(toCollabEvent(workflowContract, caseResolved));
    const headAfterRedelivery = await platform.app.get(HostedServices).get('knowledge')!.store.headPosition();
    await eventually(async () => expect((await effectiveness()).body).toEqual(expected), { timeoutMs: 15_000 });
    expect(await platform.app.get(HostedServices).get('knowledge')!.store.headPosition()).toBe(headAfterRedelivery);
  });

  it('is rebuilt from the log to the same figures (npm run rebuild -- knowledge article-effectiveness)', async () => {
    const before = (await effectiveness()).body;
    let output = '';
    platform = await platform.restart(async () => {
      const io = { out: { write: (text: string) => (output += text) }, env: { DATA_DIR: dataDir }, signal: new AbortController().signal };
      expect(await runRebuildCommand(['knowledge', 'article-effectiveness'], io)).toBe(0);
    });
    expect(output).toContain('knowledge.article_effectiveness 1');
    expect((await effectiveness()).body).toEqual(before);
  });

  it('keeps effectiveness from the customer who read the article', async () => {
    expect((await platform.call('GET', `/api/v1/knowledge/articles/${articleId}/effectiveness`, { caller: customer(requester) })).status).toBe(403);
    expect((await platform.call('GET', '/api/v1/knowledge/effectiveness/unhelpful', { caller: customer(requester) })).status).toBe(403);
  });
});
