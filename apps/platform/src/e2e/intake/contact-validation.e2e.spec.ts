import { EmbeddedPlatform, type Caller } from '../embedded-platform';

const agent: Caller = { sub: 'agent-1', audience: 'INTERNAL', roles: ['agent'] };

const valid = {
  channel: 'app',
  audience: 'EXTERNAL',
  requester: { id: 'cust-1', phone: '+8613800138000', email: 'a@example.com' },
  requestType: 'COMPLAINT',
  category: 'billing/wrong-charge',
  subject: '账单金额不对',
  description: '本月账单多扣了 30 元。',
  region: 'GD-SZ',
};

type Body = Record<string, unknown>;
const without = (field: string): Body => Object.fromEntries(Object.entries(valid).filter(([key]) => key !== field));
const withField = (field: string, value: unknown): Body => ({ ...valid, [field]: value });
const withRequester = (requester: Body): Body => ({ ...valid, requester });

/** [what is wrong, the body, the status, the field the problem must name] */
const BAD_CONTACTS: readonly [string, Body, number, string][] = [
  ['no channel', without('channel'), 400, 'channel'],
  ['a channel id with capitals', withField('channel', 'APP'), 400, 'channel'],
  ['an unknown channel', withField('channel', 'carrier-pigeon'), 400, 'channel'],
  ['a channel that does not serve the audience', withField('channel', 'internal-portal'), 400, 'channel'],
  ['no audience', without('audience'), 400, 'audience'],
  ['an unknown audience', withField('audience', 'VIP'), 400, 'audience'],
  ['no requester', without('requester'), 400, 'requester'],
  ['a requester that cannot be identified', withRequester({ name: '张三' }), 400, 'requester'],
  ['a requester email that is not one', withRequester({ id: 'c', email: 'not-an-email' }), 400, 'requester.email'],
  ['a requester phone that is not a number', withRequester({ id: 'c', phone: '12' }), 400, 'requester.phone'],
  ['an unknown requester field', withRequester({ id: 'c', shoeSize: 42 }), 400, 'requester.shoeSize'],
  ['a requester id that is empty after trimming', withRequester({ id: '   ' }), 400, 'requester.id'],
  ['no request type', without('requestType'), 400, 'requestType'],
  ['an unknown request type', withField('requestType', 'PRAISE'), 400, 'requestType'],
  ['no category', without('category'), 400, 'category'],
  ['a malformed category', withField('category', 'Billing / Wrong'), 400, 'category'],
  ['an unknown category', withField('category', 'billing/unicorns'), 400, 'category'],
  ['no subject', without('subject'), 400, 'subject'],
  ['a blank subject', withField('subject', ' \u3000 '), 400, 'subject'],
  ['a subject too long', withField('subject', '长'.repeat(501)), 400, 'subject'],
  ['a subject that is a number', withField('subject', 42), 400, 'subject'],
  ['no description', without('description'), 400, 'description'],
  ['a description too long', withField('description', 'x'.repeat(20_001)), 400, 'description'],
  ['a language that is not BCP 47', withField('language', 'chinese!'), 400, 'language'],
  ['no region', without('region'), 400, 'region'],
  ['a malformed region', withField('region', 'GD SZ'), 400, 'region'],
  ['an unknown priority', withField('priority', 'CRITICAL'), 400, 'priority'],
  ['occurredAt without an offset', withField('occurredAt', '2026-11-23T10:00:00'), 400, 'occurredAt'],
  ['occurredAt that is not a time', withField('occurredAt', 'yesterday'), 400, 'occurredAt'],
  ['an empty threadRef', withField('threadRef', ''), 400, 'threadRef'],
  ['attachments that are not a list', withField('attachments', { name: 'a.png' }), 400, 'attachments'],
  ['an attachment without a media type', withField('attachments', [{ name: 'a.png', sizeBytes: 10 }]), 400, 'attachments.0.mediaType'],
  ['an attachment of negative size', withField('attachments', [{ name: 'a.png', mediaType: 'image/png', sizeBytes: -1 }]), 400, 'attachments.0.sizeBytes'],
  ['an attachment with a bad URL', withField('attachments', [{ name: 'a.png', mediaType: 'image/png', sizeBytes: 1, uri: 'not a url' }]), 400, 'attachments.0.uri'],
  ['too many attachments', withField('attachments', Array.from({ length: 21 }, () => ({ name: 'a.png', mediaType: 'image/png', sizeBytes: 1 }))), 400, 'attachments'],
  ['an unknown field', withField('mood', 'angry'), 400, 'mood'],
];

describe('a refused contact: every invalid field named, always 4xx, nothing stored', () => {
  let platform: EmbeddedPlatform;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start();
  });
  afterAll(() => platform?.stop());

  it('accepts the valid contact the table varies (so each row fails for its own reason)', async () => {
    expect((await platform.call('POST', '/api/v1/contacts', { caller: agent, body: valid })).status).toBe(201);
  });

  it.each(BAD_CONTACTS)('%s → %i naming %s', async (_what, body, status, field) => {
    const head = await platform.intakeHead();
    const answer = await platform.call('POST', '/api/v1/contacts', { caller: agent, body });

    expect(answer.status).toBe(status);
    expect(answer.contentType).toContain('application/problem+json');
    expect(answer.body['errors']).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await platform.intakeHead()).toBe(head);
  });

  it('names every problem of a contact at once, the ones only the registry knows included', async () => {
    const answer = await platform.call('POST', '/api/v1/contacts', {
      caller: agent,
      body: { ...valid, channel: 'carrier-pigeon', category: 'billing/unicorns', requester: { id: 'c', phone: '12' } },
    });
    expect(answer.status).toBe(400);
    expect((answer.body['errors'] as { field: string }[]).map((error) => error.field).sort()).toEqual(['category', 'channel', 'requester.phone']);
  });

  it('refuses a body over the size limit with 413, malformed JSON with 400, and a bad Idempotency-Key with 400', async () => {
    const huge = await platform.call('POST', '/api/v1/contacts', { caller: agent, body: { ...valid, description: 'x'.repeat(300 * 1024) } });
    const malformed = await platform.call('POST', '/api/v1/contacts', { caller: agent, rawBody: '{"channel": "app",' });
    const badKey = await platform.call('POST', '/api/v1/contacts', { caller: agent, body: valid, headers: { 'idempotency-key': 'not a key' } });

    expect(huge.status).toBe(413);
    expect(malformed.status).toBe(400);
    expect(badKey.status).toBe(400);
    expect(badKey.body['errors']).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
  });

  it('refuses a contact without a token with 401', async () => {
    expect((await platform.call('POST', '/api/v1/contacts', { body: valid })).status).toBe(401);
  });
});
