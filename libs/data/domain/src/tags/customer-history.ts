import type { AttributeCondition, CountCondition, CsatCondition, TagCondition, TagRule } from './tag-rule';

/** What the tag rules look at: one customer's events, latest attributes and ratings, as the data service holds them. */
export interface CustomerHistory {
  readonly events: readonly { readonly kind: string; readonly at: string; readonly requestType?: string | null }[];
  readonly tier?: string | null;
  readonly region?: string | null;
  /** Ratings in the order they were given. */
  readonly ratings: readonly number[];
}

/** Whether a rule holds now, and — when it holds — the instant it stops holding unless something else happens. */
export interface Verdict {
  readonly holds: boolean;
  readonly until?: string;
}

const DAY_MS = 86_400_000;

const countVerdict = (condition: CountCondition, history: CustomerHistory, now: Date): Verdict => {
  const windowMs = condition.withinDays * DAY_MS;
  const inWindow = history.events
    .filter((event) => event.kind === condition.kind && (condition.requestType === undefined || event.requestType === condition.requestType))
    .map((event) => Date.parse(event.at))
    .filter((at) => at <= now.getTime() && at > now.getTime() - windowMs)
    .sort((a, b) => b - a);
  // The atLeast-th newest event is the one whose leaving the window ends the streak.
  const deciding = inWindow[condition.atLeast - 1];
  return deciding === undefined ? { holds: false } : { holds: true, until: new Date(deciding + windowMs).toISOString() };
};

const attributeVerdict = (condition: AttributeCondition, history: CustomerHistory): Verdict => {
  const value = condition.attribute === 'tier' ? history.tier : history.region;
  return { holds: value !== undefined && value !== null && condition.in.includes(value) };
};

const csatVerdict = (condition: CsatCondition, history: CustomerHistory): Verdict => {
  if (history.ratings.length === 0) return { holds: false };
  const value = condition.measure === 'LAST' ? history.ratings.at(-1)! : history.ratings.reduce((sum, rating) => sum + rating, 0) / history.ratings.length;
  return { holds: (condition.atMost === undefined || value <= condition.atMost) && (condition.atLeast === undefined || value >= condition.atLeast) };
};

const conditionVerdict = (condition: TagCondition, history: CustomerHistory, now: Date): Verdict => {
  switch (condition.type) {
    case 'COUNT':
      return countVerdict(condition, history, now);
    case 'ATTRIBUTE':
      return attributeVerdict(condition, history);
    case 'CSAT':
      return csatVerdict(condition, history);
  }
};

/** A rule holds while all its conditions hold; it lapses at the earliest instant one of them lapses. */
export const verdictOf = (rule: Pick<TagRule, 'conditions'>, history: CustomerHistory, now: Date): Verdict => {
  const verdicts = rule.conditions.map((condition) => conditionVerdict(condition, history, now));
  if (verdicts.some((verdict) => !verdict.holds)) return { holds: false };
  const ends = verdicts.flatMap((verdict) => (verdict.until === undefined ? [] : [verdict.until])).sort();
  return ends[0] === undefined ? { holds: true } : { holds: true, until: ends[0] };
};
