import {
  FALLBACK_ROUTE,
  languageCovers,
  route,
  routingRulesErrors,
  type RoutingFacts,
  type RoutingRule,
} from './routing';

const facts = (overrides: Partial<RoutingFacts> = {}): RoutingFacts => ({
  channel: 'APP',
  audience: 'EXTERNAL',
  requestType: 'CONSULT',
  category: 'billing',
  region: 'GD-SZ',
  priority: 'NORMAL',
  language: 'zh-Hans',
  ...overrides,
});

describe('routing a newly opened case by the default table', () => {
  it.each([
    ['a partner fault', { audience: 'PARTNER', requestType: 'FAULT' }, 'partner-desk', 'partner-desk'],
    ['a customer complaint', { requestType: 'COMPLAINT' }, 'complaints', 'complaints'],
    ['a customer fault report', { requestType: 'FAULT' }, 'technical-support', 'faults'],
    ['an internal consultation', { audience: 'INTERNAL' }, 'internal-service-desk', 'internal-service-desk'],
    ['an internal complaint', { audience: 'INTERNAL', requestType: 'COMPLAINT' }, 'complaints', 'complaints'],
    ['a customer consultation', {}, 'front-line', 'fallback'],
  ])('sends %s to its queue', (_name, overrides, queue, ruleId) => {
    expect(route(facts(overrides))).toEqual({ queue, ruleId });
  });

  it('uses a custom rule table when one is given, first match winning', () => {
    const rules = [
      { id: 'fi-desk', when: { language: ['fi'] }, queue: 'nordic-desk' },
      { id: 'all', when: {}, queue: 'everyone' },
    ];
    expect(route(facts({ language: 'fi' }), rules)).toEqual({ queue: 'nordic-desk', ruleId: 'fi-desk' });
    expect(route(facts(), rules)).toEqual({ queue: 'everyone', ruleId: 'all' });
  });
});

/** A province company's table: each rule leans on one or two of the eight attributes. */
const TELECOM_RULES: readonly RoutingRule[] = [
  {
    id: 'vip-complaints',
    when: { requestType: ['COMPLAINT'], customerTier: ['VIP', 'GOLD'] },
    queue: 'vip-care',
  },
  { id: 'urgent-faults', when: { requestType: ['FAULT'], priority: ['URGENT'] }, queue: 'noc-hotline' },
  { id: 'sz-network', when: { category: ['network'], region: ['GD-SZ'] }, queue: 'sz-network-desk' },
  { id: 'gd-billing', when: { category: ['billing'], region: ['GD'] }, queue: 'gd-billing-desk' },
  { id: 'nordic', when: { language: ['fi', 'sv'] }, queue: 'nordic-desk' },
  { id: 'japanese', when: { language: ['ja'] }, queue: 'japan-desk' },
  { id: 'partner-api', when: { channel: ['PARTNER_API'], audience: ['PARTNER'] }, queue: 'partner-desk' },
  { id: 'internal-hr', when: { audience: ['INTERNAL'], category: ['hr'] }, queue: 'hr-service-centre' },
];
const plain = (overrides: Partial<RoutingFacts>) => facts({ category: 'plan', ...overrides });

const CASES: readonly [string, Partial<RoutingFacts>, string][] = [
  ['a VIP complaint', { requestType: 'COMPLAINT', customerTier: 'VIP' }, 'vip-complaints'],
  ['a gold customer’s complaint', { requestType: 'COMPLAINT', customerTier: 'GOLD' }, 'vip-complaints'],
  ['a complaint from a customer of no known tier', { requestType: 'COMPLAINT' }, 'fallback'],
  ['a standard customer’s complaint', { requestType: 'COMPLAINT', customerTier: 'STANDARD' }, 'fallback'],
  ['an urgent fault', { requestType: 'FAULT', priority: 'URGENT' }, 'urgent-faults'],
  ['a fault of normal priority', { requestType: 'FAULT' }, 'fallback'],
  ['no signal in Shenzhen (a subcategory)', { category: 'network/no-signal', region: 'GD-SZ' }, 'sz-network'],
  ['no signal in Guangzhou', { category: 'network/no-signal', region: 'GD-GZ' }, 'fallback'],
  [
    'a refund anywhere in Guangdong (a city under its province)',
    { category: 'billing/refund', region: 'GD-GZ' },
    'gd-billing',
  ],
  [
    'billing in a region that only starts with the same letters',
    { category: 'billing', region: 'GDX-1' },
    'fallback',
  ],
  [
    'a category that only starts with the same letters',
    { category: 'billingx', region: 'GD-SZ' },
    'fallback',
  ],
  ['billing in Fujian', { category: 'billing', region: 'FJ-XM' }, 'fallback'],
  ['Finnish', { language: 'fi' }, 'nordic'],
  ['Finnish as spoken in Finland', { language: 'fi-FI' }, 'nordic'],
  ['Swedish as spoken in Finland', { language: 'sv-FI' }, 'nordic'],
  ['Japanese, whatever the case of the tag', { language: 'JA-jp' }, 'japanese'],
  ['Javanese, which is not Japanese', { language: 'jv' }, 'fallback'],
  ['Filipino, whose tag merely starts like Finnish', { language: 'fil' }, 'fallback'],
  ['a partner system over its API', { channel: 'PARTNER_API', audience: 'PARTNER' }, 'partner-api'],
  ['a partner’s staff in the app', { channel: 'APP', audience: 'PARTNER' }, 'fallback'],
  ['an employee’s payroll question', { audience: 'INTERNAL', category: 'hr/payroll' }, 'internal-hr'],
  [
    'a VIP complaint in Finnish: the earlier rule wins',
    { requestType: 'COMPLAINT', customerTier: 'VIP', language: 'fi' },
    'vip-complaints',
  ],
];

describe('the routing table: channel, audience, request type, category, region, priority, customer tier and language', () => {
  it.each(CASES)('%s → %s', (_case, overrides, ruleId) => {
    const rule = TELECOM_RULES.find((candidate) => candidate.id === ruleId);
    expect(route(plain(overrides), TELECOM_RULES)).toEqual(
      rule === undefined ? FALLBACK_ROUTE : { queue: rule.queue, ruleId },
    );
  });

  it('falls back where the table says', () =>
    expect(route(plain({}), TELECOM_RULES, { queue: 'gd-triage', ruleId: 'gd-fallback' })).toEqual({
      queue: 'gd-triage',
      ruleId: 'gd-fallback',
    }));

  it('reaches every rule of the table, and the table is valid', () => {
    expect(
      TELECOM_RULES.map((rule) => rule.id).filter((id) => !CASES.some(([, , ruleId]) => ruleId === id)),
    ).toEqual([]);
    expect(routingRulesErrors(TELECOM_RULES)).toEqual([]);
  });
});

describe('language ranges', () => {
  it.each([
    ['zh', 'zh-Hans', true],
    ['zh-Hans', 'zh-Hans-CN', true],
    ['zh-Hans', 'zh-Hant', false],
    ['zh-Hans', 'zh', false],
    ['*', 'fi', true],
    ['EN', 'en-gb', true],
    ['fi', 'fil', false],
  ])('%s covers %s: %s', (range, tag, covers) => expect(languageCovers(range, tag)).toBe(covers));
});

describe('checking a rule table', () => {
  it('names every problem by its place', () =>
    expect(
      routingRulesErrors([
        { id: 'a', when: { region: [] }, queue: 'q' },
        { id: 'a', when: { language: [' '] }, queue: '' },
        { id: '', when: {}, queue: 'q' },
      ]).map((error) => error.field),
    ).toEqual([
      'rules[0].when.region',
      'rules[1].id',
      'rules[1].queue',
      'rules[1].when.language',
      'rules[2].id',
    ]));
});

describe('routing by customer tag (客户标签)', () => {
  const rules: RoutingRule[] = [{ id: 'at-risk-first', when: { customerTag: ['at-risk'] }, queue: 'priority-care' }];

  it('sends a customer holding the tag to the rule’s queue', () =>
    expect(route(facts({ customerTags: ['vip-ish', 'at-risk'] }), rules)).toEqual({ queue: 'priority-care', ruleId: 'at-risk-first' }));

  it('never matches a customer without the tag, or one whose tags are not known', () => {
    expect(route(facts({ customerTags: ['loyal'] }), rules)).toEqual(FALLBACK_ROUTE);
    expect(route(facts(), rules)).toEqual(FALLBACK_ROUTE);
  });

  it('refuses an empty tag list, naming the field', () =>
    expect(routingRulesErrors([{ id: 'r', when: { customerTag: [] }, queue: 'q' }]).map((error) => error.field)).toEqual(['rules[0].when.customerTag']));
});
