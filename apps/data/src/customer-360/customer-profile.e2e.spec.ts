import { randomUUID } from 'node:crypto';
import { MovableClock } from '@collab/testing';
import { AGENT, DataApp, type Caller } from '../data.e2e-app';
import {
  aCase, articlePublished, caseAcknowledged, caseOpened, caseRegistered, caseResolved, collaborationRequested, contactAppended, feedbackRecorded, taskCompleted,
} from '../testing/service-events.fixtures';

interface Profile {
  customerId: string;
  contacts: { channel: string; caseId: string; at: string }[];
  cases: { caseId: string; status: string; promise: { firstResponseBy: string | null; resolutionBy: string | null }; csat: number | null; legs: { taskId: string; from: { kind: string; id: string }; to: { id: string }; status: string; turnaroundBusinessMinutes: number | null }[] }[];
  csat: { count: number; average: number | null };
  knowledgeArticles: { articleId: string; title: string; use: string; caseIds: string[] }[];
  timeline: { at: string; kind: string; caseId: string }[];
}

const customerId = randomUUID();
const bill = aCase({ customerId, requesterId: 'cust-7', channel: 'app', channelKind: 'APP', at: '2026-11-30T02:00:00.000Z', promise: { firstResponse: '2026-11-30T03:00:00.000Z', resolution: '2026-12-01T10:00:00.000Z' } });
const signal = aCase({ customerId, requesterId: 'cust-7', channel: 'web', channelKind: 'WEB', category: 'network/no-signal', requestType: 'FAULT', at: '2026-11-30T05:00:00.000Z' });
const stranger = aCase({ requesterId: 'cust-9', at: '2026-11-30T03:00:00.000Z' });
const articleId = randomUUID();
const leg = { taskId: 'task-signal-1', caseId: signal.caseId, fromUnit: 'gd-front', to: { kind: 'PARTNER' as const, id: 'reseller-1', region: 'GD' }, at: '2026-11-30T06:00:00.000Z' };

const CUSTOMER: Caller = { sub: 'cust-7', audience: 'EXTERNAL' };
const OTHER_CUSTOMER: Caller = { sub: 'cust-9', audience: 'EXTERNAL' };
const RESELLER_1: Caller = { sub: 'partner-agent-1', roles: ['partner-agent'], audience: 'PARTNER', partner: 'reseller-1' };
const RESELLER_2: Caller = { sub: 'partner-agent-2', roles: ['partner-agent'], audience: 'PARTNER', partner: 'reseller-2' };

describe('customer 360 across three channels and two cases', () => {
  let data: DataApp;

  beforeAll(async () => {
    data = await DataApp.start(new MovableClock('2026-12-01T04:00:00.000Z'));
    await data.feed(
      articlePublished({ articleId, title: 'Wrong charge: how to check the bill', at: '2026-11-01T00:00:00.000Z' }),
      caseOpened(bill), caseAcknowledged(bill),
      caseOpened(stranger), caseOpened(signal),
      contactAppended(bill, { channel: 'gd-hotline', channelKind: 'PHONE', at: '2026-11-30T04:00:00.000Z' }),
      caseRegistered(bill, 'gd-billing'), caseRegistered(signal, 'gd-network'),
      collaborationRequested(leg), taskCompleted(leg, '2026-11-30T08:00:00.000Z'),
      caseResolved(bill, '2026-11-30T07:00:00.000Z', [articleId]), feedbackRecorded(bill, 4, '2026-11-30T09:00:00.000Z'),
    );
    await data.untilFacts(12);
  }, 180_000);

  afterAll(() => data?.stop());

  it('shows the customer their contacts from every channel, cases, legs, CSAT, articles and one timeline', async () => {
    const reply = await data.call<Profile>(CUSTOMER, '/api/v1/customers/me/profile');
    expect(reply.status).toBe(200);
    const profile = reply.body;
    expect(profile.customerId).toBe(customerId);
    expect(profile.contacts.map((contact) => [contact.channel, contact.caseId])).toEqual([
      ['app', bill.caseId], ['gd-hotline', bill.caseId], ['web', signal.caseId],
    ]);
    expect(profile.cases.map((shown) => [shown.caseId, shown.status, shown.csat])).toEqual([[bill.caseId, 'RESOLVED', 4], [signal.caseId, 'QUEUED', null]]);
    expect(profile.cases[0]?.promise).toEqual({ firstResponseBy: '2026-11-30T03:00:00.000Z', resolutionBy: '2026-12-01T10:00:00.000Z' });
    // 14:00 → 16:00 Shanghai on a Monday: 120 business minutes.
    expect(profile.cases[1]?.legs).toEqual([expect.objectContaining({ taskId: 'task-signal-1', from: { kind: 'QUEUE', id: 'gd-front' }, to: expect.objectContaining({ id: 'reseller-1' }), status: 'COMPLETED', turnaroundBusinessMinutes: 120 })]);
    expect(profile.csat).toEqual({ count: 1, average: 4 });
    expect(profile.knowledgeArticles).toEqual([{ articleId, title: 'Wrong charge: how to check the bill', language: 'zh-Hans', use: 'USED', caseIds: [bill.caseId] }]);
    const times = profile.timeline.map((entry) => entry.at);
    expect(times).toEqual([...times].sort());
    expect(profile.timeline.map((entry) => entry.kind)).toEqual([
      'CASE_OPENED', 'CASE_ACKNOWLEDGED', 'CASE_QUEUED', 'CONTACT_APPENDED', 'CASE_OPENED', 'CASE_QUEUED', 'TASK_REQUESTED', 'CASE_RESOLVED', 'TASK_COMPLETED', 'FEEDBACK',
    ]);
  });

  it('lets staff read any customer by id', async () => {
    const reply = await data.call<Profile>(AGENT, `/api/v1/customers/${customerId}/profile`);
    expect(reply.status).toBe(200);
    expect(reply.body.cases).toHaveLength(2);
  });

  it('shows another customer nothing', async () => {
    expect((await data.call(OTHER_CUSTOMER, `/api/v1/customers/${customerId}/profile`)).status).toBe(404);
    expect((await data.call<Profile>(OTHER_CUSTOMER, '/api/v1/customers/me/profile')).body.customerId).toBe(stranger.customerId);
  });

  it('shows a partner only the cases it has tasks on', async () => {
    const reseller = await data.call<Profile>(RESELLER_1, `/api/v1/customers/${customerId}/profile`);
    expect(reseller.status).toBe(200);
    expect(reseller.body.cases.map((shown) => shown.caseId)).toEqual([signal.caseId]);
    expect(reseller.body.contacts.map((contact) => contact.channel)).toEqual(['web']);
    expect(reseller.body.knowledgeArticles).toEqual([]);
    expect((await data.call(RESELLER_2, `/api/v1/customers/${customerId}/profile`)).status).toBe(404);
  });

  it('refuses an id that is neither a customer id nor me', async () => {
    const reply = await data.call<{ errors: { field: string }[] }>(AGENT, '/api/v1/customers/someone/profile');
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((error) => error.field)).toEqual(['id']);
  });
});
