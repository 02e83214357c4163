import { randomUUID } from 'node:crypto';
import { HostedServices } from '@collab/service-kit';
import { eventually, MovableClock } from '@collab/testing';
import { IntakeFactConsumer } from '../facts/fact-consumers';
import { AGENT, DataApp, type Caller } from '../data.e2e-app';
import { aCase, caseOpened, caseRegistered, feedbackRecorded } from '../testing/service-events.fixtures';

interface TagList { items: { tag: string; ruleVersion: number }[]; page: { limit: number; next: string | null } }
interface CustomerList { items: { customerId: string }[]; page: { limit: number; next: string | null; total?: number } }

const ANALYST: Caller = { sub: 'analyst-7', roles: ['analyst'], audience: 'INTERNAL' };
const CUSTOMER: Caller = { sub: 'cust-at-risk', audience: 'EXTERNAL' };
const customerId = randomUUID();
const complaint = (at: string) => aCase({ customerId, requesterId: 'cust-at-risk', requestType: 'COMPLAINT', at });
const complaints = [complaint('2026-11-20T00:00:00.000Z'), complaint('2026-11-25T00:00:00.000Z'), complaint('2026-11-30T02:00:00.000Z')] as const;
const AT_RISK = { description: 'Three complaints in 30 days', conditions: [{ type: 'COUNT', kind: 'CASE_OPENED', requestType: 'COMPLAINT', atLeast: 3, withinDays: 30 }] };

describe('customer tags appear and expire', () => {
  const clock = new MovableClock('2026-12-01T04:00:00.000Z');
  let data: DataApp;

  const tagsOf = async (caller: Caller, id: string = customerId) => (await data.call<TagList>(caller, `/api/v1/customers/${id}/tags`)).body.items.map((tag) => tag.tag);
  const published = async (type: string) => {
    const store = data.app.get(HostedServices).get('data')!.store;
    return (await store.readAll({ after: 0n, maxCount: 10_000 })).filter((event) => event.type === type && (event.data as { customerId?: string }).customerId === customerId);
  };

  beforeAll(async () => {
    data = await DataApp.start(clock);
  }, 60_000);

  afterAll(() => data?.stop());

  it('lets an analyst define a tag rule, versioned, and refuses a bad one naming the field', async () => {
    const defined = await data.send<{ tag: string; version: number; status: string }>(ANALYST, 'PUT', '/api/v1/data/tag-rules/at-risk', AT_RISK);
    expect(defined.status).toBe(200);
    expect(defined.body).toMatchObject({ tag: 'at-risk', version: 1, status: 'ACTIVE' });
    const bad = await data.send<{ errors: { field: string }[] }>(ANALYST, 'PUT', '/api/v1/data/tag-rules/at-risk', { conditions: [{ ...AT_RISK.conditions[0], withinDays: 0 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error) => error.field)).toEqual(['conditions.0.withinDays']);
    expect((await data.send(AGENT, 'PUT', '/api/v1/data/tag-rules/at-risk', AT_RISK)).status).toBe(403);
    const rules = await data.call<{ items: { tag: string; version: number }[] }>(ANALYST, '/api/v1/data/tag-rules');
    expect(rules.body.items).toEqual([expect.objectContaining({ tag: 'at-risk', version: 1 })]);
  });

  it('tags the customer at the third complaint in 30 days, once, whatever is redelivered', async () => {
    await data.feed(caseOpened(complaints[0]), caseOpened(complaints[1]));
    await data.untilFacts(2);
    await data.feed(caseOpened(complaints[2]));
    await eventually(async () => expect(await tagsOf(AGENT)).toEqual(['at-risk']));
    await data.redeliver('intake', data.app.get(IntakeFactConsumer));
    expect(await tagsOf(CUSTOMER, 'me')).toEqual(['at-risk']);
    const holding = await data.call<CustomerList>(ANALYST, '/api/v1/data/tags/at-risk/customers?limit=10');
    expect(holding.body).toEqual({ items: [expect.objectContaining({ customerId })], page: { limit: 10, next: null, total: 1 } });
    const profile = await data.call<{ tags: string[] }>(AGENT, `/api/v1/customers/${customerId}/profile`);
    expect(profile.body.tags).toEqual(['at-risk']);
    expect(await published('CustomerTagged')).toHaveLength(1);
  });

  it('shows another customer nothing and refuses a bad tag name', async () => {
    expect((await data.call({ sub: 'someone-else', audience: 'EXTERNAL' }, `/api/v1/customers/${customerId}/tags`)).status).toBe(404);
    const bad = await data.call<{ errors: { field: string }[] }>(ANALYST, '/api/v1/data/tags/At%20Risk/customers');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error) => error.field)).toEqual(['tag']);
  });

  it('removes the tag when the oldest complaint leaves the window, on a durable timer that survives a restart', async () => {
    const dataDir = await data.stop(true);
    data = await DataApp.start(clock, dataDir);
    clock.advanceTo('2026-12-20T00:00:01.000Z');
    await eventually(async () => expect(await tagsOf(AGENT)).toEqual([]), { timeoutMs: 20_000 });
    expect(await published('CustomerUntagged')).toHaveLength(1);
    expect((await data.call<CustomerList>(ANALYST, '/api/v1/data/tags/at-risk/customers')).body.items).toEqual([]);
  }, 60_000);

  it('tags by last CSAT once a rule for it is defined (every known customer is judged again)', async () => {
    const unhappy = aCase({ customerId, requesterId: 'cust-at-risk', requestType: 'CONSULT', at: '2026-12-19T00:00:00.000Z' });
    await data.feed(caseOpened(unhappy), ...caseRegistered(unhappy, 'front-line'), feedbackRecorded(unhappy, 1, '2026-12-19T02:00:00.000Z'));
    await data.untilFacts(6);
    const rule = await data.send(ANALYST, 'PUT', '/api/v1/data/tag-rules/unhappy', { conditions: [{ type: 'CSAT', measure: 'LAST', atMost: 2 }] });
    expect(rule.status).toBe(200);
    await eventually(async () => expect(await tagsOf(AGENT)).toEqual(['unhappy']));
  });
});
