import { eventually } from '@collab/testing';
import { EmbeddedPlatform, type Caller } from '../embedded-platform';

const admin: Caller = { sub: 'admin-1', audience: 'INTERNAL', roles: ['admin'] };
const agent: Caller = { sub: 'agent-7', audience: 'INTERNAL', roles: ['agent'] };

/**
 * One rule per routing fact at least — channel, audience, request type, category, region,
 * priority, customer tier and language — in an order that matters: the first matching rule wins.
 */
const routingTable = {
  processId: 'routing-table',
  expectedVersion: 0,
  reason: 'the routing table of the e2e suite',
  name: 'Routing on every fact',
  scope: {},
  routingRules: [
    { id: 'vip-complaints', when: { requestType: ['COMPLAINT'], customerTier: ['VIP'] }, queue: 'vip-care' },
    { id: 'partner-desk', when: { audience: ['PARTNER'] }, queue: 'partner-desk' },
    {
      id: 'urgent-faults',
      when: { requestType: ['FAULT'], priority: ['URGENT'] },
      queue: 'network-emergency',
    },
    {
      id: 'wechat-marketing',
      when: { channel: ['wechat'], requestType: ['MARKETING'] },
      queue: 'social-marketing',
    },
    { id: 'gd-refunds', when: { category: ['billing/refund'], region: ['GD'] }, queue: 'gd-refunds' },
    { id: 'finnish-desk', when: { language: ['fi'] }, queue: 'fi-desk' },
    {
      id: 'internal-accounts',
      when: { audience: ['INTERNAL'], category: ['account'] },
      queue: 'internal-it',
    },
    { id: 'gd-billing', when: { category: ['billing'], region: ['GD-SZ', 'GD-GZ'] }, queue: 'gd-billing' },
  ],
  fallback: { queue: 'general-triage', ruleId: 'triage' },
  stages: [
    {
      id: 'front',
      name: 'Front line',
      unitType: 'FRONT_LINE',
      sla: {
        calendarId: 'cn-standard',
        responseWithinBusinessMinutes: 60,
        resolutionWithinBusinessMinutes: 480,
      },
    },
  ],
  escalation: { warnAtPercent: 80, levels: [{ level: 1, atPercent: 100, notify: 'UNIT_SUPERVISOR' }] },
};

type Who = 'customer' | 'partner' | 'staff';

const base = {
  channel: 'app',
  audience: 'EXTERNAL',
  requestType: 'INQUIRY',
  category: 'plan/change',
  region: 'BJ',
  priority: 'NORMAL',
  language: 'zh-Hans',
  subject: '咨询',
  description: '请帮我看一下。',
};

// prettier-ignore
const ROWS: readonly [string, Record<string, unknown>, Who, string, string][] = [
  ['a VIP customer’s complaint',                        { requestType: 'COMPLAINT', tier: 'VIP' },                                                        'customer', 'vip-care',          'vip-complaints'],
  ['a complaint without a tier about a GD-SZ charge',   { requestType: 'COMPLAINT', category: 'billing/wrong-charge', region: 'GD-SZ' },                  'customer', 'gd-billing',        'gd-billing'],
  ['a GOLD customer’s complaint about a plan in BJ',    { requestType: 'COMPLAINT', tier: 'GOLD' },                                                       'customer', 'general-triage',    'triage'],
  ['a partner’s urgent fault (partner rule first)',     { channel: 'partner-api', audience: 'PARTNER', requestType: 'FAULT', priority: 'URGENT', category: 'network/no-signal' }, 'partner', 'partner-desk', 'partner-desk'],
  ['a customer’s urgent fault',                         { requestType: 'FAULT', priority: 'URGENT', category: 'network/no-signal' },                      'customer', 'network-emergency', 'urgent-faults'],
  ['a customer’s fault of normal priority',             { requestType: 'FAULT', category: 'network/no-signal' },                                          'customer', 'general-triage',    'triage'],
  ['marketing on WeChat',                               { channel: 'wechat', requestType: 'MARKETING' },                                                  'customer', 'social-marketing',  'wechat-marketing'],
  ['marketing in the app',                              { requestType: 'MARKETING' },                                                                     'customer', 'general-triage',    'triage'],
  ['a refund in GD-SZ (GD covers it)',                  { category: 'billing/refund', region: 'GD-SZ' },                                                  'customer', 'gd-refunds',        'gd-refunds'],
  ['a refund in Finland, in Finnish',                   { category: 'billing/refund', region: 'FI-18', language: 'fi', subject: 'Hyvitys', description: 'Pyydän hyvitystä.' }, 'customer', 'fi-desk', 'finnish-desk'],
  ['a Finnish-Finland inquiry (fi covers fi-FI)',       { language: 'fi-FI', region: 'FI-18', subject: 'Kysymys', description: 'Voitteko auttaa?' },      'customer', 'fi-desk',           'finnish-desk'],
  ['an employee’s password problem (account covers it)', { channel: 'internal-portal', audience: 'INTERNAL', category: 'account/password' },              'staff',    'internal-it',       'internal-accounts'],
  ['an employee’s plan change',                         { channel: 'internal-portal', audience: 'INTERNAL' },                                             'staff',    'general-triage',    'triage'],
  ['a VIP’s suggestion about a GD-GZ invoice',          { requestType: 'SUGGESTION', tier: 'VIP', category: 'billing/invoice', region: 'GD-GZ' },         'customer', 'gd-billing',        'gd-billing'],
  ['an English inquiry in Shenzhen about a plan',       { language: 'en', region: 'GD-SZ', subject: 'Question', description: 'Can you help?' },           'customer', 'general-triage',    'triage'],
];

const callerAndRequester = (
  who: Who,
  index: number,
  tier: unknown,
): { caller: Caller; requester: Record<string, unknown> } => {
  const id = `cust-route-${index}`;
  const tiered = typeof tier === 'string' ? { tier } : {};
  if (who === 'partner')
    return {
      caller: { sub: id, audience: 'PARTNER', partner: 'reseller-a', roles: ['partner-agent'] },
      requester: { id, partner: 'reseller-a', ...tiered },
    };
  if (who === 'staff')
    return {
      caller: { sub: id, audience: 'INTERNAL', unit: 'hr' },
      requester: { id, unit: 'hr', ...tiered },
    };
  return { caller: { sub: id, audience: 'EXTERNAL' }, requester: { id, ...tiered } };
};

describe('the routing table: which queue, by which rule, embedded platform', () => {
  let platform: EmbeddedPlatform;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start();
    // A process routes only to queues that exist (partner-desk is the default organisation's).
    const queues = new Set([...routingTable.routingRules.map((rule) => rule.queue), routingTable.fallback.queue]);
    queues.delete('partner-desk');
    for (const id of queues)
      expect(
        (
          await platform.call('POST', '/api/v1/org/queues', {
            caller: admin,
            body: { id, unitId: 'front-line', name: id },
          })
        ).status,
      ).toBe(201);
    const published = await platform.call('POST', '/api/v1/processes', { caller: admin, body: routingTable });
    expect(published.status).toBe(201);
    // New cases choose among the processes the list shows: wait until it shows this one.
    await eventually(async () => {
      const listed = await platform.call('GET', '/api/v1/processes', { caller: agent });
      expect(listed.body['items']).toEqual(
        expect.arrayContaining([expect.objectContaining({ processId: 'routing-table', status: 'ACTIVE' })]),
      );
    });
  });
  afterAll(() => platform?.stop());

  const cases = ROWS.map(([name, facts, who, queue, ruleId], index) => ({
    name,
    facts,
    who,
    queue,
    ruleId,
    index,
  }));

  it.each(cases)('$name → queue $queue by rule $ruleId', async ({ facts, who, queue, ruleId, index }) => {
    const { tier, ...contactFacts } = facts;
    const { caller, requester } = callerAndRequester(who, index, tier);
    const answer = await platform.call('POST', '/api/v1/contacts', {
      caller,
      body: { ...base, ...contactFacts, requester },
    });
    expect(answer.status).toBe(201);

    const routed = await eventually(async () => {
      const found = await platform.call('GET', `/api/v1/cases/${String(answer.body['caseId'])}`, {
        caller: agent,
      });
      expect(found.status).toBe(200);
      expect(found.body['routingRule']).not.toBeNull();
      return found.body;
    });
    expect({ queue: routed['queue'], routingRule: routed['routingRule'] }).toEqual({
      queue,
      routingRule: ruleId,
    });
    expect(routed['process']).toMatchObject({ id: 'routing-table', version: 1, stage: 'front' });
  });
});
