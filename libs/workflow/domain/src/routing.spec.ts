import { route, type RoutingFacts } from './routing';

const facts = (overrides: Partial<RoutingFacts> = {}): RoutingFacts => ({
  channel: 'APP', audience: 'EXTERNAL', requestType: 'CONSULT', category: 'billing', region: 'GD-SZ',
  priority: 'NORMAL', language: 'zh-Hans', ...overrides,
});

describe('routing a newly opened case', () => {
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
