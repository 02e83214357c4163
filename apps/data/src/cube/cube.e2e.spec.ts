import { MovableClock } from '@collab/testing';
import { ANALYST, DataApp, type Reply } from '../data.e2e-app';
import { IntakeFactConsumer, WorkflowFactConsumer } from '../facts/fact-consumers';
import {
  aCase, caseOpened, caseRegistered, caseResolved, contactAppended,
} from '../testing/service-events.fixtures';

interface Slice {
  rows: Record<string, string | number | null>[];
  totals: Record<string, number | null>;
  drillDown: Record<string, string>;
  rollUp: Record<string, string>;
}

/*
 * The hand-computed fixture (cn-standard: Mon–Fri 09:00–12:00 and 13:30–18:00 Asia/Shanghai, UTC+8):
 *   A  GD-SZ app   COMPLAINT billing/wrong-charge  opened Mon 30 Nov 10:00 local, resolved 15:00 → 300 calendar, 120 + 90 = 210 business minutes
 *   B  GD-GZ web   FAULT     network/no-signal     opened Mon 11:00, resolved Tue 10:00 → 1380 calendar, 60 + 270 + 60 = 390 business minutes
 *   C  BJ    app   CONSULT   billing/refund        opened Tue 1 Dec 09:00, and a second contact by phone at 09:30
 *   D  GD    phone COMPLAINT billing               opened Mon 14:00 (a province-level region is its own city)
 * Contacts: GD 3 (GD-SZ 1, GD-GZ 1, GD 1), BJ 2 — 5 in all; billing 4 (wrong-charge 1, refund 2, billing 1), network 1.
 */
const A = aCase({ region: 'GD-SZ', channel: 'app', requestType: 'COMPLAINT', category: 'billing/wrong-charge', priority: 'HIGH', tier: 'VIP', at: '2026-11-30T02:00:00.000Z' });
const B = aCase({ region: 'GD-GZ', channel: 'web', channelKind: 'WEB', requestType: 'FAULT', category: 'network/no-signal', at: '2026-11-30T03:00:00.000Z' });
const C = aCase({ region: 'BJ', channel: 'app', requestType: 'CONSULT', category: 'billing/refund', priority: 'LOW', language: 'en', at: '2026-12-01T01:00:00.000Z' });
const D = aCase({ region: 'GD', channel: 'gd-hotline', channelKind: 'PHONE', category: 'billing', at: '2026-11-30T06:00:00.000Z' });
const WINDOW = 'from=2026-11-30&to=2026-12-02';

describe('the data cube (数据魔方) over a hand-computed fixture', () => {
  let data: DataApp;
  const cube = (query: string, headers: Record<string, string> = {}): Promise<Reply<Slice>> => data.call<Slice>(ANALYST, `/api/v1/data/cube?${query}&${WINDOW}`, headers);

  beforeAll(async () => {
    data = await DataApp.start(new MovableClock('2026-12-01T04:00:00.000Z'));
    await data.feed(
      caseOpened(A), caseOpened(B), caseOpened(C), caseOpened(D), contactAppended(C, { channel: 'gd-hotline', channelKind: 'PHONE', at: '2026-12-01T01:30:00.000Z' }),
      caseRegistered(A, 'gd-billing'), caseRegistered(B, 'gd-network'), caseRegistered(C, 'bj-front'), caseRegistered(D, 'gd-billing'),
      caseResolved(A, '2026-11-30T07:00:00.000Z'), caseResolved(B, '2026-12-01T02:00:00.000Z'),
    );
    await data.untilFacts(5 + 4 + 2);
  }, 60_000);

  afterAll(() => data?.stop());

  it('rolls contacts up to provinces and the whole group', async () => {
    const byProvince = await cube('measures=contacts,casesOpened&dimensions=region.province');
    expect(byProvince.status).toBe(200);
    expect(byProvince.body.rows).toEqual([
      { 'region.province': 'BJ', contacts: 2, casesOpened: 1 },
      { 'region.province': 'GD', contacts: 3, casesOpened: 3 },
    ]);
    expect(byProvince.body.totals).toEqual({ contacts: 5, casesOpened: 4 });
    expect(byProvince.body.drillDown).toEqual({ 'region.province': 'region.city' });
    expect(byProvince.body.rollUp).toEqual({ 'region.province': 'region.group' });
    expect((await cube('measures=contacts&dimensions=region.group')).body.rows).toEqual([{ 'region.group': 'GROUP', contacts: 5 }]);
  });

  it('drills down from a province to its cities', async () => {
    const gd = await cube('measures=contacts&dimensions=region.city&filters=region.province:GD');
    expect(gd.body.rows).toEqual([
      { 'region.city': 'GD', contacts: 1 },
      { 'region.city': 'GD-GZ', contacts: 1 },
      { 'region.city': 'GD-SZ', contacts: 1 },
    ]);
    expect(gd.body.totals).toEqual({ contacts: 3 });
  });

  it('rolls up and drills down the category tree', async () => {
    expect((await cube('measures=contacts&dimensions=category.level1')).body.rows).toEqual([
      { 'category.level1': 'billing', contacts: 4 },
      { 'category.level1': 'network', contacts: 1 },
    ]);
    expect((await cube('measures=contacts&dimensions=category.level2&filters=category.level1:billing')).body.rows).toEqual([
      { 'category.level2': 'billing', contacts: 1 },
      { 'category.level2': 'billing/refund', contacts: 2 },
      { 'category.level2': 'billing/wrong-charge', contacts: 1 },
    ]);
  });

  it('slices two dimensions at once, by day and channel', async () => {
    expect((await cube('measures=contacts&dimensions=time.day,channel')).body.rows).toEqual([
      { 'time.day': '2026-11-30', channel: 'app', contacts: 1 },
      { 'time.day': '2026-11-30', channel: 'gd-hotline', contacts: 1 },
      { 'time.day': '2026-11-30', channel: 'web', contacts: 1 },
      { 'time.day': '2026-12-01', channel: 'app', contacts: 1 },
      { 'time.day': '2026-12-01', channel: 'gd-hotline', contacts: 1 },
    ]);
    expect((await cube('measures=contacts&dimensions=time.month,time.week')).body.rows).toEqual([
      { 'time.month': '2026-11', 'time.week': '2026-W49', contacts: 3 },
      { 'time.month': '2026-12', 'time.week': '2026-W49', contacts: 2 },
    ]);
    expect((await cube('measures=contacts&dimensions=time.hour&filters=region.province:BJ')).body.rows).toEqual([{ 'time.hour': '2026-12-01T01:00Z', contacts: 2 }]);
  });

  it('measures resolution in calendar and business minutes', async () => {
    const resolution = await cube('measures=casesResolved,resolutionMinutes,resolutionBusinessMinutes&dimensions=region.city,unit');
    expect(resolution.body.rows).toEqual([
      { 'region.city': 'GD-GZ', unit: 'gd-network', casesResolved: 1, resolutionMinutes: 1380, resolutionBusinessMinutes: 390 },
      { 'region.city': 'GD-SZ', unit: 'gd-billing', casesResolved: 1, resolutionMinutes: 300, resolutionBusinessMinutes: 210 },
    ]);
    expect(resolution.body.totals).toEqual({ casesResolved: 2, resolutionMinutes: 840, resolutionBusinessMinutes: 300 });
  });

  it('slices by request type, priority, customer tier and language, and filters on several values', async () => {
    const rows = (await cube('measures=casesOpened&dimensions=requestType,priority,customerTier,language&filters=channel:app|web')).body.rows;
    expect(rows).toEqual([
      { requestType: 'COMPLAINT', priority: 'HIGH', customerTier: 'VIP', language: 'zh-CN', casesOpened: 1 },
      { requestType: 'CONSULT', priority: 'LOW', customerTier: null, language: 'en', casesOpened: 1 },
      { requestType: 'FAULT', priority: 'NORMAL', customerTier: null, language: 'zh-CN', casesOpened: 1 },
    ]);
  });

  it('answers CSV for Accept: text/csv', async () => {
    const csv = await cube('measures=contacts,casesOpened&dimensions=region.province', { accept: 'text/csv' });
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.text).toBe('region.province,contacts,casesOpened\r\nBJ,2,1\r\nGD,3,3\r\n');
  });

  it('refuses unknown measures and dimensions with problem details naming them', async () => {
    const reply = await data.call<{ errors: { field: string; message: string }[] }>(
      ANALYST, '/api/v1/data/cube?measures=contacts,happiness&dimensions=region.town&filters=planet:mars&from=yesterday&to=2026-12-01',
    );
    expect(reply.status).toBe(400);
    expect(reply.type).toMatch(/application\/problem\+json/);
    expect(reply.body.errors.map((error) => error.field).sort()).toEqual(['dimensions', 'filters', 'from', 'measures']);
    expect(reply.body.errors.find((error) => error.field === 'measures')?.message).toContain("'happiness'");
    expect(reply.body.errors.find((error) => error.field === 'dimensions')?.message).toContain("'region.town'");
  });

  it('applies a redelivered event once: facts are keyed by event id', async () => {
    const before = await data.facts();
    await data.redeliver('intake', data.app.get(IntakeFactConsumer));
    await data.redeliver('workflow', data.app.get(WorkflowFactConsumer));
    expect(await data.facts()).toBe(before);
    expect((await cube('measures=contacts,casesResolved')).body.totals).toEqual({ contacts: 5, casesResolved: 2 });
  });

  it('is for staff: a customer is refused', async () => {
    expect((await data.call({ sub: 'customer-1', audience: 'EXTERNAL', roles: [] }, `/api/v1/data/cube?measures=contacts&${WINDOW}`)).status).toBe(403);
    expect((await data.call(undefined, `/api/v1/data/cube?measures=contacts&${WINDOW}`)).status).toBe(401);
  });
});
