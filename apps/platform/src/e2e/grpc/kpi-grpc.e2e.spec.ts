import { status } from '@grpc/grpc-js';
import { GrpcServer } from '@collab/service-kit';
import { eventually, TEST_MONDAY_MORNING } from '@collab/testing';
import { EmbeddedPlatform, MovableClock, type Caller } from '../embedded-platform';
import { LifecycleSteps } from '../workflow/lifecycle-steps';
import { fieldsOf, OutsiderClient, type GrpcAnswer } from './outsider-client';

const analyst: Caller = { sub: 'analyst-1', audience: 'INTERNAL', roles: ['analyst'] };
const agent: Caller = { sub: 'agent-1', audience: 'INTERNAL', roles: ['agent'] };
const department = (unit: string): Caller => ({ sub: `head-${unit}`, audience: 'INTERNAL', roles: ['department'], unit });
const partner = (id: string): Caller => ({ sub: `p-${id}`, audience: 'PARTNER', roles: ['partner-agent'], partner: id });
const customer: Caller = { sub: 'cust-kpi-grpc', audience: 'EXTERNAL' };

interface Timestamp { seconds: string; nanos: number }
interface Wrapped { value: number }
interface Point { bucket: Timestamp; value: Wrapped | null; numerator: Wrapped | null; denominator: Wrapped | null; samples: number; standing: string }
interface Series { kpiId: string; version: number; scope: string; granularity: string; from: Timestamp; to: Timestamp; target: Wrapped | null; values: Point[] }

const DAY = { from: '2026-11-30T00:00:00Z', to: '2026-12-01T00:00:00Z' };
const ts = (iso: string): Timestamp => ({ seconds: String(Date.parse(iso) / 1000), nanos: 0 });
const iso = (timestamp: Timestamp): string => new Date(Number(timestamp.seconds) * 1000).toISOString();
const unwrapped = (wrapped: Wrapped | null): number | null => wrapped?.value ?? null;
/** The gRPC answer in REST's shape, instants compared as instants. */
const asRest = (series: Series) => ({
  kpiId: series.kpiId, version: series.version, scope: series.scope, granularity: series.granularity, from: iso(series.from), to: iso(series.to), target: unwrapped(series.target),
  values: series.values.map((point) => ({ bucket: iso(point.bucket), value: unwrapped(point.value), numerator: unwrapped(point.numerator), denominator: unwrapped(point.denominator), samples: point.samples, standing: point.standing })),
});
const restSeries = (body: Record<string, unknown>) => ({
  kpiId: body['kpiId'], version: body['version'], scope: body['scope'], granularity: body['granularity'], from: new Date(String(body['from'])).toISOString(), to: new Date(String(body['to'])).toISOString(), target: body['target'],
  values: (body['values'] as { bucket: string }[]).map((point) => ({ ...point, bucket: new Date(point.bucket).toISOString() })),
});

describe('collab.kpi.v1.KpiService over gRPC (a client built from proto/ only), embedded platform', () => {
  let platform: EmbeddedPlatform;
  let kpis: OutsiderClient;
  const grpc = async <Response>(caller: Caller, method: string, request: object): Promise<GrpcAnswer<Response>> => kpis.call<Response>(method, request, await platform.token(caller));

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, new MovableClock(TEST_MONDAY_MORNING));
    kpis = new OutsiderClient('collab/kpi/v1/kpi_service.proto', 'collab.kpi.v1.KpiService', `127.0.0.1:${platform.app.get(GrpcServer).port!}`);
    await eventually(async () => {
      const listed = await grpc<{ kpis: { id: string }[] }>(agent, 'ListKpis', {});
      if (!listed.response?.kpis.some((kpi) => kpi.id === 'contacts-received')) throw new Error('the library is not seeded yet');
    }, { timeoutMs: 20_000 });
    await new LifecycleSteps(platform).openComplaint('kpi-grpc-customer');
    await eventually(async () => {
      const reply = await platform.call('GET', `/api/v1/kpis/contacts-received/values?granularity=day&from=${DAY.from}&to=${DAY.to}`, { caller: analyst });
      if (!(reply.body['values'] as { value: number }[] | undefined)?.[0]?.value) throw new Error('not counted yet');
    }, { timeoutMs: 20_000 });
  }, 120_000);
  afterAll(() => platform?.stop());

  it('lists the library and reads one KPI as REST does', async () => {
    const listed = await grpc<{ kpis: { id: string; version: number; measure: { kind: string } }[] }>(agent, 'ListKpis', {});
    const rest = await platform.call('GET', '/api/v1/kpis', { caller: agent });
    expect(listed.response?.kpis.map((kpi) => [kpi.id, kpi.version])).toEqual((rest.body['items'] as { id: string; version: number }[]).map((kpi) => [kpi.id, kpi.version]));
    const one = await grpc<{ kpi: Record<string, unknown> }>(analyst, 'GetKpi', { kpiId: 'first-response-time-p90' });
    const restOne = (await platform.call('GET', '/api/v1/kpis/first-response-time-p90', { caller: analyst })).body;
    expect(one.response?.kpi).toMatchObject({
      id: restOne['id'], version: restOne['version'], status: restOne['status'], builtIn: restOne['builtIn'], names: restOne['names'], direction: restOne['direction'],
      dimensions: restOne['dimensions'], granularities: restOne['granularities'], unitOfMeasure: restOne['unitOfMeasure'],
      measure: { kind: (restOne['measure'] as { kind: string }).kind },
    });
    expect((await grpc(analyst, 'GetKpi', { kpiId: 'nothing-here' })).error?.code).toBe(status.NOT_FOUND);
  });

  it('answers values and a scorecard equal to REST’s', async () => {
    const series = await grpc<{ series: Series }>(analyst, 'GetValues', { kpiId: 'contacts-received', from: ts(DAY.from), to: ts(DAY.to), granularity: 'day' });
    const rest = await platform.call('GET', `/api/v1/kpis/contacts-received/values?granularity=day&from=${DAY.from}&to=${DAY.to}`, { caller: analyst });
    expect(series.error).toBeUndefined();
    expect(asRest(series.response!.series)).toEqual(restSeries(rest.body));
    expect(series.response?.series.values[0]?.value).toEqual({ value: 1 });
    const card = await grpc<{ scorecard: { scope: string; month: string; lines: { kpiId: string; standing: string; value: Wrapped | null }[] } }>(analyst, 'GetScorecard', { kind: 'channel', id: 'app', month: '2026-11' });
    const restCard = (await platform.call('GET', '/api/v1/kpis/scorecards/channel/app?month=2026-11', { caller: analyst })).body as { scope: string; month: string; lines: { kpiId: string; standing: string; value: number | null }[] };
    expect(card.response?.scorecard).toMatchObject({ scope: restCard.scope, month: restCard.month });
    expect(card.response?.scorecard.lines.map((line) => [line.kpiId, line.standing, unwrapped(line.value)])).toEqual(restCard.lines.map((line) => [line.kpiId, line.standing, line.value]));
  });

  it('scopes as REST does: a department to its units, a partner to its own, a customer not at all', async () => {
    const values = (caller: Caller, scope: string) => grpc<{ series: Series }>(caller, 'GetValues', { kpiId: 'contacts-received', scope, from: ts(DAY.from), to: ts(DAY.to), granularity: 'day' });
    expect((await values(partner('reseller-1'), '')).response?.series.scope).toBe('partner:reseller-1');
    expect((await values(partner('reseller-1'), 'partner:reseller-2')).error?.code).toBe(status.PERMISSION_DENIED);
    expect((await values(department('billing'), '')).response?.series.scope).toBe('unit:billing');
    expect((await values(department('billing'), 'unit:complaints-desk')).error?.code).toBe(status.PERMISSION_DENIED);
    expect((await values(customer, '')).error?.code).toBe(status.PERMISSION_DENIED);
    expect((await grpc(customer, 'ListKpis', {})).error?.code).toBe(status.PERMISSION_DENIED);
    expect((await grpc(partner('reseller-1'), 'GetScorecard', { kind: 'partner', id: 'reseller-2' })).error?.code).toBe(status.PERMISSION_DENIED);
  });

  it('answers bad input with INVALID_ARGUMENT naming each field', async () => {
    const missing = await grpc(analyst, 'GetValues', { kpiId: 'contacts-received' });
    expect([missing.error?.code, fieldsOf(missing)]).toEqual([status.INVALID_ARGUMENT, ['from', 'granularity', 'to']]);
    const wrong = await grpc(analyst, 'GetValues', { kpiId: 'contacts-received', scope: 'galaxy:far', from: ts(DAY.from), to: ts(DAY.to), granularity: 'day' });
    expect([wrong.error?.code, fieldsOf(wrong)]).toEqual([status.INVALID_ARGUMENT, ['scope']]);
    const backwards = await grpc(analyst, 'GetValues', { kpiId: 'contacts-received', from: ts(DAY.to), to: ts(DAY.from), granularity: 'week', version: -1 });
    expect([backwards.error?.code, fieldsOf(backwards)]).toEqual([status.INVALID_ARGUMENT, ['granularity', 'version']]);
    const tooMany = await grpc(analyst, 'GetValues', { kpiId: 'contacts-received', from: ts('2026-01-01T00:00:00Z'), to: ts(DAY.to), granularity: 'minute' });
    expect([tooMany.error?.code, fieldsOf(tooMany)]).toEqual([status.INVALID_ARGUMENT, ['granularity']]);
    const noId = await grpc(analyst, 'GetKpi', { kpiId: '' });
    expect([noId.error?.code, fieldsOf(noId)]).toEqual([status.INVALID_ARGUMENT, ['kpi_id']]);
    const card = await grpc(analyst, 'GetScorecard', { kind: 'planet', id: 'x' });
    expect([card.error?.code, fieldsOf(card)]).toEqual([status.INVALID_ARGUMENT, ['kind']]);
    const month = await grpc(analyst, 'GetScorecard', { kind: 'unit', id: 'billing', month: '2026-13' });
    expect([month.error?.code, fieldsOf(month)]).toEqual([status.INVALID_ARGUMENT, ['month']]);
  });
});
