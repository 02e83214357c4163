import { specFor, ValidationFailed, IllegalTransition } from '@collab/domain-kernel';
import { verdictOf, type CustomerHistory } from './customer-history';
import { customerTagsDecider, type CustomerTagsEvent } from './customer-tags.decider';
import { tagRuleDecider, type TagRuleEvent } from './tag-rule.decider';
import type { TagCondition } from './tag-rule';

const now = new Date('2026-12-01T00:00:00.000Z');
const complaints: TagCondition = { type: 'COUNT', kind: 'CASE_OPENED', requestType: 'COMPLAINT', atLeast: 3, withinDays: 30 };
const atRisk = (conditions: readonly TagCondition[] = [complaints], version = 1): TagRuleEvent => ({
  type: 'TagRuleDefined',
  data: { tag: 'at-risk', version, description: 'complains often', conditions, definedBy: 'analyst-1', definedAt: now.toISOString() },
});
const define = (conditions: readonly TagCondition[] = [complaints]) => ({ type: 'DefineTagRule' as const, tag: 'at-risk', description: 'complains often', conditions, by: 'analyst-1' });

describe('defining a tag rule', () => {
  const rules = specFor(tagRuleDecider, { now });

  it('records the first definition as version 1', () => rules.given().when(define()).then(atRisk()));

  it('records a changed definition as the next version', () =>
    rules.given(atRisk()).when(define([{ ...complaints, atLeast: 2 }])).then(atRisk([{ ...complaints, atLeast: 2 }], 2)));

  it('records nothing when the same definition is sent again', () => rules.given(atRisk()).when(define()).then());

  it.each([
    ['a window of 0 days', { ...complaints, withinDays: 0 }],
    ['an unknown event kind', { ...complaints, kind: 'CASE_EXPLODED' }],
    ['a CSAT bound of 7', { type: 'CSAT', measure: 'LAST', atMost: 7 }],
    ['an empty attribute list', { type: 'ATTRIBUTE', attribute: 'tier', in: [] }],
  ])('refuses %s, naming the field', (_, condition) => rules.given().when(define([condition as TagCondition])).thenThrows(ValidationFailed));

  it('retires a rule in force, and refuses to retire one that is not', () => {
    rules.given(atRisk()).when({ type: 'RetireTagRule', tag: 'at-risk', by: 'admin-1' })
      .then({ type: 'TagRuleRetired', data: { tag: 'at-risk', version: 1, retiredBy: 'admin-1', retiredAt: now.toISOString() } });
    rules.given().when({ type: 'RetireTagRule', tag: 'at-risk', by: 'admin-1' }).thenThrows(IllegalTransition);
  });
});

const opened = (at: string, requestType = 'COMPLAINT') => ({ kind: 'CASE_OPENED', at, requestType });
const history = (overrides: Partial<CustomerHistory> = {}): CustomerHistory => ({ events: [], ratings: [], ...overrides });

describe('judging a customer against a rule', () => {
  it('holds at the third complaint in 30 days, until the oldest of the three leaves the window', () =>
    expect(verdictOf({ conditions: [complaints] }, history({ events: [opened('2026-11-10T00:00:00.000Z'), opened('2026-11-20T00:00:00.000Z'), opened('2026-11-30T00:00:00.000Z'), opened('2026-11-25T00:00:00.000Z', 'CONSULT')] }), now))
      .toEqual({ holds: true, until: '2026-12-10T00:00:00.000Z' }));

  it('does not hold for two complaints, or three spread over more than 30 days', () => {
    expect(verdictOf({ conditions: [complaints] }, history({ events: [opened('2026-11-20T00:00:00.000Z'), opened('2026-11-30T00:00:00.000Z')] }), now)).toEqual({ holds: false });
    expect(verdictOf({ conditions: [complaints] }, history({ events: [opened('2026-10-01T00:00:00.000Z'), opened('2026-11-20T00:00:00.000Z'), opened('2026-11-30T00:00:00.000Z')] }), now)).toEqual({ holds: false });
  });

  it('needs every condition: tier and last CSAT', () => {
    const rule = { conditions: [{ type: 'ATTRIBUTE', attribute: 'tier', in: ['VIP'] }, { type: 'CSAT', measure: 'LAST', atMost: 2 }] as TagCondition[] };
    expect(verdictOf(rule, history({ tier: 'VIP', ratings: [5, 2] }), now)).toEqual({ holds: true });
    expect(verdictOf(rule, history({ tier: 'VIP', ratings: [2, 5] }), now)).toEqual({ holds: false });
    expect(verdictOf(rule, history({ tier: 'GOLD', ratings: [1] }), now)).toEqual({ holds: false });
  });
});

describe("reviewing a customer's tags", () => {
  const tags = specFor(customerTagsDecider, { now });
  const customerId = '7d1c8f2e-0a4b-4c1d-9e2f-3a4b5c6d7e8f';
  const tagged: CustomerTagsEvent = { type: 'CustomerTagged', data: { customerId, tag: 'at-risk', ruleVersion: 1, taggedAt: now.toISOString() } };
  const review = (holds: boolean) => ({ type: 'ReviewCustomerTags' as const, customerId, judgements: [{ tag: 'at-risk', ruleVersion: 1, holds }] });

  it('tags a customer the rule now holds for', () => tags.given().when(review(true)).then(tagged));
  it('says nothing new when reviewed again (redelivery, another replica)', () => tags.given(tagged).when(review(true)).then());
  it('untags a customer the rule no longer holds for', () =>
    tags.given(tagged).when(review(false)).then({ type: 'CustomerUntagged', data: { customerId, tag: 'at-risk', ruleVersion: 1, untaggedAt: now.toISOString() } }));
  it('says nothing for a rule that holds for nobody yet', () => tags.given().when(review(false)).then());
});
