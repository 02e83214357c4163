import { REGION_MESSAGE, isRegionCode, type FieldError } from '@collab/domain-kernel';
import { isBlank } from './validation';

/** What routing looks at: the facts of the opening contact, and the customer's tier when known. */
export interface RoutingFacts {
  readonly channel: string;
  readonly audience: string;
  readonly requestType: string;
  readonly category: string;
  readonly region: string;
  readonly priority: string;
  readonly language: string;
  /** E.g. `VIP`, `GOLD`; a rule that lists tiers never matches a case without one. */
  readonly customerTier?: string;
  /** The customer's tags (客户标签) as workflow heard them from data; a rule naming a tag never matches a customer without it. */
  readonly customerTags?: readonly string[];
}

type ScalarFact = Exclude<keyof RoutingFacts, 'customerTags'>;
type Matcher = { readonly [K in ScalarFact]?: readonly string[] } & {
  /** Matches a customer holding any of these tags. */
  readonly customerTag?: readonly string[];
};

export interface RoutingRule {
  readonly id: string;
  /**
   * Every listed attribute must match one of its values; an absent attribute matches anything.
   * Category, region and language match downwards: `billing` covers `billing/refund`, `GD`
   * covers `GD-SZ`, `zh` covers `zh-Hans`. The rest match exactly.
   */
  readonly when: Matcher;
  /** Where the case goes. A unit that takes cases directly is reached through its queue. */
  readonly queue: string;
}

export interface RoutingDecision {
  readonly queue: string;
  readonly ruleId: string;
}

/**
 * The starting rule table until process definitions (versioned, managed through the API)
 * replace it: partners' contacts to the partner desk, complaints and faults to their
 * specialist queues, internal requests to the internal service desk, the rest to front line.
 */
export const DEFAULT_ROUTING_RULES: readonly RoutingRule[] = [
  { id: 'partner-desk', when: { audience: ['PARTNER'] }, queue: 'partner-desk' },
  { id: 'complaints', when: { requestType: ['COMPLAINT'] }, queue: 'complaints' },
  { id: 'faults', when: { requestType: ['FAULT'] }, queue: 'technical-support' },
  { id: 'internal-service-desk', when: { audience: ['INTERNAL'] }, queue: 'internal-service-desk' },
];

export const FALLBACK_ROUTE: RoutingDecision = { queue: 'front-line', ruleId: 'fallback' };

/** RFC 4647 basic filtering: `zh` covers `zh-Hans` and `zh-Hans-CN`, case-insensitively; `*` covers all. */
export const languageCovers = (range: string, tag: string): boolean => {
  const [r, t] = [range.toLowerCase(), tag.toLowerCase()];
  return r === '*' || r === t || t.startsWith(`${r}-`);
};

const coversBelow = (separator: string) => (value: string, fact: string) =>
  value === fact || fact.startsWith(`${value}${separator}`);
const exactly = (value: string, fact: string) => value === fact;

const MATCHES: { readonly [K in ScalarFact]-?: (value: string, fact: string) => boolean } = {
  channel: exactly,
  audience: exactly,
  requestType: exactly,
  category: coversBelow('/'),
  region: coversBelow('-'),
  priority: exactly,
  language: languageCovers,
  customerTier: exactly,
};

const ROUTING_ATTRIBUTES = Object.keys(MATCHES) as ScalarFact[];

const matches = (rule: RoutingRule, facts: RoutingFacts): boolean =>
  ROUTING_ATTRIBUTES.every((key) => {
    const values = rule.when[key];
    if (values === undefined) return true;
    const fact = facts[key];
    return fact !== undefined && values.some((value) => MATCHES[key](value, fact));
  }) && (rule.when.customerTag === undefined || rule.when.customerTag.some((tag) => facts.customerTags?.includes(tag) ?? false));

/**
 * First matching rule wins: administrators order the table, and a reader can tell from the
 * order alone where a case goes. The fallback guarantees every case lands in a queue.
 */
export const route = (
  facts: RoutingFacts,
  rules: readonly RoutingRule[] = DEFAULT_ROUTING_RULES,
  fallback: RoutingDecision = FALLBACK_ROUTE,
): RoutingDecision => {
  const rule = rules.find((candidate) => matches(candidate, facts));
  return rule ? { queue: rule.queue, ruleId: rule.id } : fallback;
};

/** Every problem of a rule table, each naming its field (`rules[2].when.region`). */
export const routingRulesErrors = (rules: readonly RoutingRule[]): FieldError[] =>
  rules.flatMap((rule, index) => {
    const at = `rules[${index}]`;
    const emptyLists = Object.entries(rule.when)
      .filter(([, values]) => values !== undefined && (values.length === 0 || values.some(isBlank)))
      .map(([key]) => ({
        field: `${at}.when.${key}`,
        message: 'must list at least one value, none of them empty',
      }));
    // Contacts' regions arrive in normal form (GD-SZ); a rule spelt otherwise would never match one.
    const regions = (rule.when.region ?? []).flatMap((region, position) =>
      isBlank(region) || isRegionCode(region)
        ? []
        : [{ field: `${at}.when.region.${position}`, message: REGION_MESSAGE }],
    );
    return [
      ...(isBlank(rule.id) ? [{ field: `${at}.id`, message: 'must not be empty' }] : []),
      ...(rules.findIndex((other) => other.id === rule.id) < index
        ? [{ field: `${at}.id`, message: `${rule.id} is used by an earlier rule` }]
        : []),
      ...(isBlank(rule.queue) ? [{ field: `${at}.queue`, message: 'must not be empty' }] : []),
      ...emptyLists,
      ...regions,
    ];
  });
