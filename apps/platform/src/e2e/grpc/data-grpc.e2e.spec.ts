import { status } from '@grpc/grpc-js';
import { GrpcServer } from '@collab/service-kit';
import { eventually, TEST_MONDAY_MORNING } from '@collab/testing';
import { EmbeddedPlatform, MovableClock, type Caller } from '../embedded-platform';
import { customer, LifecycleSteps, partnerStaff, supervisor } from '../workflow/lifecycle-steps';
import { fieldsOf, OutsiderClient, type GrpcAnswer } from './outsider-client';

interface Timestamp { seconds: string; nanos: number }
interface Row { dimensions: Record<string, string>; measures: Record<string, number> }
interface Slice { from: Timestamp; to: Timestamp; measures: string[]; dimensions: string[]; rows: Row[]; totals: Row; drillDown: Record<string, string>; rollUp: Record<string, string> }
interface Profile { customerId: string; cases: { caseId: string; status: string; channel: string; legs: unknown[] }[]; contacts: { caseId: string; channel: string }[]; timeline: { kind: string; caseId: string }[]; csat: { count: number } }

const WINDOW = { from: '2026-11-30', to: '2026-12-02' };
/** The proto's row (dimension values and measures apart, unknowns left out) in REST's flat shape. */
const flat = (row: Row): Record<string, string | number> => ({ ...row.dimensions, ...row.measures });
const withoutNulls = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null));

describe('collab.data.v1.DataService over gRPC (a client built from proto/ only), embedded platform', () => {
  let platform: EmbeddedPlatform;
  let data: OutsiderClient;
  let customerId: string;
  const alice = customer('data-grpc-alice');
  const bob = customer('data-grpc-bob');
  const reseller: Caller = partnerStaff('data-grpc-reseller', 'reseller-1');
  const grpc = async <Response>(caller: Caller, method: string, request: object): Promise<GrpcAnswer<Response>> => data.call<Response>(method, request, await platform.token(caller));

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, new MovableClock(TEST_MONDAY_MORNING));
    data = new OutsiderClient('collab/data/v1/data_service.proto', 'collab.data.v1.DataService', `127.0.0.1:${platform.app.get(GrpcServer).port!}`);
    const steps = new LifecycleSteps(platform);
    await steps.openComplaint(alice.sub);
    await steps.openComplaint(alice.sub, { channel: 'web', subject: '宽带账单又错了' });
    await steps.openComplaint(bob.sub);
    customerId = await eventually(async () => {
      const reply = await platform.call('GET', '/api/v1/customers/me/profile', { caller: alice });
      if (reply.status !== 200 || (reply.body['contacts'] as unknown[]).length < 2) throw new Error(`not in the profile yet: ${reply.status}`);
      return String(reply.body['customerId']);
    }, { timeoutMs: 30_000 });
  }, 120_000);
  afterAll(() => platform?.stop());

  it('answers a customer’s profile as REST does: their own, any for staff, none for others', async () => {
    const own = await grpc<{ profile: Profile }>(alice, 'GetCustomerProfile', { customerId: 'me' });
    const rest = (await platform.call('GET', '/api/v1/customers/me/profile', { caller: alice })).body as unknown as Profile;
    expect(own.error).toBeUndefined();
    expect(own.response?.profile.customerId).toBe(customerId);
    expect(own.response?.profile.cases.map((found) => [found.caseId, found.status, found.channel])).toEqual(rest.cases.map((found) => [found.caseId, found.status, found.channel]));
    expect(own.response?.profile.contacts.map((contact) => [contact.caseId, contact.channel])).toEqual(rest.contacts.map((contact) => [contact.caseId, contact.channel]));
    expect(own.response?.profile.timeline.map((entry) => [entry.kind, entry.caseId])).toEqual(rest.timeline.map((entry) => [entry.kind, entry.caseId]));
    expect(own.response?.profile.csat.count).toBe(rest.csat.count);
    const byStaff = await grpc<{ profile: Profile }>(supervisor, 'GetCustomerProfile', { customerId });
    expect(byStaff.response?.profile.cases.map((found) => found.caseId)).toEqual(rest.cases.map((found) => found.caseId));
    expect((await grpc(bob, 'GetCustomerProfile', { customerId })).error?.code).toBe(status.NOT_FOUND);
    expect((await platform.call('GET', `/api/v1/customers/${customerId}/profile`, { caller: bob })).status).toBe(404);
    // A partner reads only the cases it has tasks on: none here.
    expect((await grpc(reseller, 'GetCustomerProfile', { customerId })).error?.code).toBe(status.NOT_FOUND);
  });

  it('slices the cube as REST does, for staff only', async () => {
    const asked = { measures: ['contacts', 'casesOpened'], dimensions: ['region.province', 'channel'], from: WINDOW.from, to: WINDOW.to };
    const answer = await grpc<{ slice: Slice }>(supervisor, 'GetCube', asked);
    const slice = { error: answer.error, response: answer.response?.slice };
    const rest = (await platform.call('GET', `/api/v1/data/cube?measures=contacts,casesOpened&dimensions=region.province,channel&from=${WINDOW.from}&to=${WINDOW.to}`, { caller: supervisor })).body as {
      rows: Record<string, unknown>[]; totals: Record<string, unknown>; drillDown: Record<string, string>; rollUp: Record<string, string>; from: string; to: string;
    };
    expect(slice.error).toBeUndefined();
    expect(slice.response?.rows.map(flat)).toEqual(rest.rows.map(withoutNulls));
    expect(flat(slice.response!.totals)).toEqual(withoutNulls(rest.totals));
    expect(slice.response?.totals.measures).toMatchObject({ contacts: 3 });
    expect([slice.response?.drillDown, slice.response?.rollUp]).toEqual([rest.drillDown, rest.rollUp]);
    expect((await grpc(alice, 'GetCube', asked)).error?.code).toBe(status.PERMISSION_DENIED);
    expect((await grpc(reseller, 'GetCube', asked)).error?.code).toBe(status.PERMISSION_DENIED);
  });

  it('draws the dependency map as REST does, for staff only', async () => {
    const drawn = await grpc<{ map: { nodes: unknown[]; edges: unknown[]; bottlenecks: unknown[]; from: Timestamp | null } }>(supervisor, 'GetDependencies', {});
    const rest = (await platform.call('GET', '/api/v1/data/dependencies', { caller: supervisor })).body as { nodes: unknown[]; edges: unknown[]; bottlenecks: unknown[] };
    expect(drawn.response?.map).toMatchObject({ nodes: rest.nodes, edges: rest.edges, bottlenecks: rest.bottlenecks, from: null });
    expect((await grpc(bob, 'GetDependencies', {})).error?.code).toBe(status.PERMISSION_DENIED);
  });

  it('answers bad input with INVALID_ARGUMENT naming each field', async () => {
    const cube = await grpc(supervisor, 'GetCube', { measures: ['contacts', 'nonsense'], dimensions: ['galaxy'], from: 'yesterday' });
    expect(cube.error?.code).toBe(status.INVALID_ARGUMENT);
    expect(fieldsOf(cube)).toEqual(expect.arrayContaining(['dimensions', 'from', 'measures']));
    const comma = await grpc(supervisor, 'GetCube', { measures: ['contacts,casesOpened'] });
    expect([comma.error?.code, fieldsOf(comma)]).toEqual([status.INVALID_ARGUMENT, ['measures']]);
    const profile = await grpc(supervisor, 'GetCustomerProfile', { customerId: 'not-a-uuid' });
    expect([profile.error?.code, fieldsOf(profile)]).toEqual([status.INVALID_ARGUMENT, ['customer_id']]);
    expect((await grpc(supervisor, 'GetCustomerProfile', { customerId: 'a1b2c3d4-0000-4000-8000-000000000099' })).error?.code).toBe(status.NOT_FOUND);
  });
});
