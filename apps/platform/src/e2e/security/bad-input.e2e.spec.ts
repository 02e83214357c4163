import { gzipSync } from 'node:zlib';
import { credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { GrpcServer } from '@collab/service-kit';
import { eventually, TEST_MONDAY_MORNING } from '@collab/testing';
import { EmbeddedPlatform, MovableClock, type Caller } from '../embedded-platform';

const customer: Caller = { sub: 'cust-bad-input', audience: 'EXTERNAL' };
const contact = { channel: 'app', audience: 'EXTERNAL', requester: { id: 'cust-bad-input' }, requestType: 'COMPLAINT', category: 'billing/wrong-charge', subject: '账单金额不对', description: '多扣了 30 元', region: 'GD-SZ' };
const HUGE = 'x'.repeat(200_000);

/** The contact as JSON with two bytes in its subject that are not UTF-8. */
const notUtf8 = (): Buffer => {
  const bytes = Buffer.from(JSON.stringify({ ...contact, subject: '@@' }));
  const at = bytes.indexOf('@@');
  bytes[at] = 0xff;
  bytes[at + 1] = 0xfe;
  return bytes;
};

/** Bad text never reaches the database: every one is a 400 (INVALID_ARGUMENT) at the edge, naming the field, storing nothing (issue 13). */
describe('bad input is refused at the edge, embedded platform', () => {
  let platform: EmbeddedPlatform;
  let token: string;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, new MovableClock(TEST_MONDAY_MORNING));
    token = await platform.token(customer);
    // One case of the customer's, so their case list is there to page.
    expect((await platform.call('POST', '/api/v1/contacts', { caller: customer, body: contact })).status).toBe(201);
    await eventually(async () => expect((await platform.call('GET', '/api/v1/customers/me/cases', { caller: customer })).status).toBe(200));
  });
  afterAll(() => platform?.stop());

  const rawPost = async (body: Buffer, headers: Record<string, string> = {}) => {
    const answer = await fetch(`${platform.baseUrl}/api/v1/contacts`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers }, body });
    return { status: answer.status, text: await answer.text(), contentType: answer.headers.get('content-type') };
  };

  describe('over REST', () => {
    it.each<[string, Record<string, unknown>, string]>([
      ['a NUL in the subject', { subject: 'a\u0000b' }, 'subject'],
      ['a lone surrogate in the description', { description: 'a\ud800b' }, 'description'],
      ['a lone low surrogate in a nested field', { requester: { id: 'cust-bad-input', name: '\udc00' } }, 'requester.name'],
      ['a NUL in an unknown key', { ['evil\u0000key']: 1 }, 'body'],
      ['a 200,000-character region', { region: HUGE.replace(/x/g, 'A') }, 'region'],
      ['a 200,000-character category', { category: HUGE }, 'category'],
      ['an occurredAt in year 0', { occurredAt: '0000-01-01T00:00:00Z' }, 'occurredAt'],
    ])('%s: 400 naming the field, nothing stored, nothing long echoed', async (_what, overrides, field) => {
      const head = await platform.intakeHead();
      const refused = await platform.call('POST', '/api/v1/contacts', { caller: customer, body: { ...contact, ...overrides } });

      expect(refused.status).toBe(400);
      expect(refused.contentType).toContain('application/problem+json');
      expect(refused.body['errors']).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(JSON.stringify(refused.body).length).toBeLessThan(3_000);
      expect(await platform.intakeHead()).toBe(head);
    });

    // Cursors the API never gave: not base64url, base64url of no key of this list, and one too long.
    it.each(['2026-01-01T00:00:00Z', 'bm90LWEta2V5', 'QUFB'.repeat(70)])('refuses ?after=%s with 400', async (after) => {
      const refused = await platform.call('GET', `/api/v1/customers/me/cases?after=${encodeURIComponent(after)}`, { caller: customer });
      expect(refused.status).toBe(400);
      expect(refused.body['errors']).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'after' })]));
    });

    it('refuses a NUL in a query string with 400', async () => {
      const refused = await platform.call('GET', `/api/v1/customers/me/cases?after=${encodeURIComponent('bm90LWEta2V5\u0000')}`, { caller: customer });
      expect(refused).toMatchObject({ status: 400, body: { errors: [expect.objectContaining({ field: 'after' })] } });
    });

    it.each<[string, Buffer, Record<string, string>]>([
      ['a body that is not gzip at all', Buffer.from('not gzip'), { 'content-encoding': 'gzip' }],
      ['a truncated gzip body', gzipSync(Buffer.from(JSON.stringify(contact))).subarray(0, 20), { 'content-encoding': 'gzip' }],
      ['a corrupt deflate body', Buffer.from([0x78, 0x9c, 0xff, 0xff, 0xff]), { 'content-encoding': 'deflate' }],
      ['a body that is not UTF-8 (stored as U+FFFD before)', notUtf8(), {}],
    ])('%s: 400, nothing stored', async (_what, body, headers) => {
      const head = await platform.intakeHead();
      const refused = await rawPost(body, headers);
      expect(refused.status).toBe(400);
      expect(refused.contentType).toContain('application/problem+json');
      expect(await platform.intakeHead()).toBe(head);
    });

    it('refuses an unbounded X-Correlation-Id with 400 and does not echo it', async () => {
      const refused = await platform.call('GET', '/api/v1/customers/me/cases', { caller: customer, headers: { 'x-correlation-id': 'c'.repeat(5_000) } });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).not.toContain('c'.repeat(200));
    });
  });

  describe('over gRPC', () => {
    const grpcContact = (overrides: Record<string, unknown> = {}) => ({
      channel: 'app', audience: 'AUDIENCE_EXTERNAL', requestType: 'REQUEST_TYPE_COMPLAINT', requester: { id: 'cust-bad-input' },
      category: 'billing/wrong-charge', subject: '账单金额不对', description: '多扣了 30 元', region: 'GD-SZ', ...overrides,
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['an out-of-range audience', { audience: 99 }, 'audience'],
      ['an out-of-range request type', { requestType: 42 }, 'request_type'],
      ['an occurred_at no Date holds', { occurredAt: { seconds: '99999999999999', nanos: 0 } }, 'occurred_at'],
      ['an occurred_at in year 0', { occurredAt: { seconds: '-62167219200', nanos: 0 } }, 'occurred_at'],
      ['a NUL in the subject', { subject: 'a\u0000b' }, 'subject'],
      ['a 200,000-character category', { category: HUGE }, 'category'],
    ])('%s: INVALID_ARGUMENT naming the field, a short message, nothing stored', async (_what, overrides, field) => {
      const head = await platform.intakeHead();
      const answer = await platform.intakeGrpc('SubmitContact', grpcContact(overrides), customer);

      expect(answer.error?.code).toBe(status.INVALID_ARGUMENT);
      expect(answer.error?.details).toContain(field);
      expect(answer.error?.details.length).toBeLessThan(1_100);
      expect(await platform.intakeHead()).toBe(head);
    });

    it('answers bytes that are not the request message with INVALID_ARGUMENT, never INTERNAL', async () => {
      const { Client } = await import('@grpc/grpc-js');
      const client = new Client(`127.0.0.1:${platform.app.get(GrpcServer).port!}`, credentials.createInsecure());
      const metadata = new Metadata();
      metadata.set('authorization', `Bearer ${token}`);
      try {
        const error = await new Promise<ServiceError | null>((resolve) =>
          // Field 1 (channel) claims 127 bytes that never come.
          client.makeUnaryRequest('/collab.intake.v1.IntakeService/SubmitContact', (bytes: Buffer) => bytes, (bytes: Buffer) => bytes, Buffer.from([0x0a, 0x7f]), metadata, (failure) => resolve(failure)),
        );
        expect(error?.code).toBe(status.INVALID_ARGUMENT);
        expect(error?.details).toContain('request');
      } finally {
        client.close();
      }
    });
  });
});
