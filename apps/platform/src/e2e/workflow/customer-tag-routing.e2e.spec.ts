import { DATABASE, type Database } from '@collab/service-kit';
import { eventually } from '@collab/testing';
import { EmbeddedPlatform, type Caller } from '../embedded-platform';

const admin: Caller = { sub: 'admin-1', audience: 'INTERNAL', roles: ['admin'] };
const agent: Caller = { sub: 'agent-7', audience: 'INTERNAL', roles: ['agent'] };
const customer: Caller = { sub: 'cust-at-risk-1', audience: 'EXTERNAL' };
const calm: Caller = { sub: 'cust-calm-1', audience: 'EXTERNAL' };

/** A routing rule by tag first: a customer data tagged at-risk goes to the priority queue. */
const tagRouting = {
  processId: 'tag-routing',
  expectedVersion: 0,
  reason: 'routing by customer tag, e2e',
  name: 'At-risk customers first',
  scope: {},
  routingRules: [{ id: 'at-risk-first', when: { customerTag: ['at-risk'] }, queue: 'priority-care' }],
  fallback: { queue: 'tag-triage', ruleId: 'triage' },
  stages: [{ id: 'front', name: 'Front line', unitType: 'FRONT_LINE', sla: { calendarId: 'cn-standard', responseWithinBusinessMinutes: 60, resolutionWithinBusinessMinutes: 480 } }],
  escalation: { warnAtPercent: 80, levels: [{ level: 1, atPercent: 100, notify: 'UNIT_SUPERVISOR' }] },
};

const complaint = (category: string, requester: Caller) => ({
  channel: 'app', audience: 'EXTERNAL', requestType: 'COMPLAINT', category, region: 'BJ', priority: 'NORMAL', language: 'zh-Hans',
  subject: '投诉', description: '又出问题了。', requester: { id: requester.sub },
});

describe('routing by customer tag (tag = at-risk → priority queue), embedded platform', () => {
  let platform: EmbeddedPlatform;

  const routedQueue = async (caseId: unknown) =>
    eventually(async () => {
      const found = await platform.call('GET', `/api/v1/cases/${String(caseId)}`, { caller: agent });
      expect(found.body['routingRule']).not.toBeNull();
      return [found.body['queue'], found.body['routingRule']];
    });

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start();
    for (const id of ['priority-care', 'tag-triage'])
      expect((await platform.call('POST', '/api/v1/org/queues', { caller: admin, body: { id, unitId: 'front-line', name: id } })).status).toBe(201);
    expect((await platform.call('POST', '/api/v1/processes', { caller: admin, body: tagRouting })).status).toBe(201);
    await eventually(async () => {
      const listed = await platform.call('GET', '/api/v1/processes', { caller: agent });
      expect(listed.body['items']).toEqual(expect.arrayContaining([expect.objectContaining({ processId: 'tag-routing', status: 'ACTIVE' })]));
    });
    const rule = await platform.call('PUT', '/api/v1/data/tag-rules/at-risk', {
      caller: admin, body: { conditions: [{ type: 'COUNT', kind: 'CASE_OPENED', requestType: 'COMPLAINT', atLeast: 3, withinDays: 30 }] },
    });
    expect(rule.status).toBe(200);
  }, 120_000);
  afterAll(() => platform?.stop());

  it("sends an at-risk customer's new case to the priority queue, and a calm customer's to triage", async () => {
    for (const category of ['billing/wrong-charge', 'network/no-signal', 'plan/change']) {
      const opened = await platform.call('POST', '/api/v1/contacts', { caller: customer, body: complaint(category, customer) });
      expect(opened.status).toBe(201);
      expect(await routedQueue(opened.body['caseId'])).toEqual(['tag-triage', 'triage']);
    }
    await eventually(async () => {
      const tags = await platform.call('GET', '/api/v1/customers/me/tags', { caller: customer });
      expect(tags.body['items']).toEqual([expect.objectContaining({ tag: 'at-risk' })]);
    }, { timeoutMs: 20_000 });
    // Workflow hears of the tag through data's published CustomerTagged: a case opened after that is routed by it.
    await eventually(async () => {
      const { rows } = await platform.app.get<Database>(DATABASE).pool.query(`select tag from workflow.customer_tag where present`);
      expect(rows).toEqual([{ tag: 'at-risk' }]);
    }, { timeoutMs: 20_000 });
    const fourth = await platform.call('POST', '/api/v1/contacts', { caller: customer, body: complaint('billing/refund', customer) });
    expect(fourth.status).toBe(201);
    expect(await routedQueue(fourth.body['caseId'])).toEqual(['priority-care', 'at-risk-first']);
    const other = await platform.call('POST', '/api/v1/contacts', { caller: calm, body: complaint('billing/wrong-charge', calm) });
    expect(await routedQueue(other.body['caseId'])).toEqual(['tag-triage', 'triage']);
  }, 120_000);
});
