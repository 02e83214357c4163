/** What routing looks at: the facts of the opening contact. */
export interface RoutingFacts {
  readonly channel: string;
  readonly audience: string;
  readonly requestType: string;
  readonly category: string;
  readonly region: string;
  readonly priority: string;
  readonly language: string;
}

type Matcher = { readonly [K in keyof RoutingFacts]?: readonly string[] };

export interface RoutingRule {
  readonly id: string;
  /** Every listed attribute must match one of its values; an absent attribute matches anything. */
  readonly when: Matcher;
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

const matches = (rule: RoutingRule, facts: RoutingFacts): boolean =>
  (Object.keys(rule.when) as (keyof RoutingFacts)[]).every((key) => rule.when[key]?.includes(facts[key]) ?? true);

/** First matching rule wins; the fallback guarantees every case lands in a queue. */
export const route = (facts: RoutingFacts, rules: readonly RoutingRule[] = DEFAULT_ROUTING_RULES): RoutingDecision => {
  const rule = rules.find((candidate) => matches(candidate, facts));
  return rule ? { queue: rule.queue, ruleId: rule.id } : FALLBACK_ROUTE;
};
