import type { ResponsibilityScope } from './org.events';

/** One standing entry of the responsibility matrix: who handles cases of this scope. */
export interface ResponsibilityEntry {
  readonly entryId: string;
  readonly scope: ResponsibilityScope;
  /** A unit, or a partner organisation. */
  readonly unitId: string;
  /** The unit's queue the cases go to; null for a partner, or a unit reached by collaboration tasks. */
  readonly queueId: string | null;
  readonly assignedAt: string;
}

/** The facts of a case the matrix is asked about; an absent fact is matched only by entries that leave it open. */
export type ResponsibilityFacts = ResponsibilityScope;

const coversBelow = (separator: string) => (value: string, fact: string) =>
  value === fact || fact.startsWith(`${value}${separator}`);

const MATCHES: { readonly [K in keyof ResponsibilityScope]-?: (value: string, fact: string) => boolean } = {
  requestType: (value, fact) => value === fact,
  category: coversBelow('/'),
  region: coversBelow('-'),
};

const ATTRIBUTES = Object.keys(MATCHES) as (keyof ResponsibilityScope)[];

export const entryCovers = (scope: ResponsibilityScope, facts: ResponsibilityFacts): boolean =>
  ATTRIBUTES.every((key) => {
    const value = scope[key];
    if (value === undefined) return true;
    const fact = facts[key];
    return fact !== undefined && MATCHES[key](value, fact);
  });

const depth = (value: string | undefined, separator: string): number =>
  value === undefined ? 0 : value.split(separator).length;

/**
 * How specific an entry is, compared left to right: how many attributes it names, then how deep
 * its category is (`billing/refund` over `billing`), then how deep its region is (`GD-SZ` over `GD`).
 */
export const specificityOf = (scope: ResponsibilityScope): readonly number[] => [
  ATTRIBUTES.filter((key) => scope[key] !== undefined).length,
  depth(scope.category, '/'),
  depth(scope.region, '-'),
];

const moreSpecific = (a: ResponsibilityEntry, b: ResponsibilityEntry): number => {
  const [sa, sb] = [specificityOf(a.scope), specificityOf(b.scope)];
  const differs = sa.findIndex((value, index) => value !== sb[index]);
  if (differs >= 0) return (sb[differs] ?? 0) - (sa[differs] ?? 0);
  // Equally specific entries for one case are rare (say `category: billing` and `region: GD`): the older one stands.
  return a.assignedAt.localeCompare(b.assignedAt) || a.entryId.localeCompare(b.entryId);
};

/** The most specific entry covering these facts, or undefined when none does. */
export const responsibleFor = (
  entries: readonly ResponsibilityEntry[],
  facts: ResponsibilityFacts,
): ResponsibilityEntry | undefined =>
  entries.filter((entry) => entryCovers(entry.scope, facts)).sort(moreSpecific)[0];

/** One spelling per scope, so two entries with the same attributes are recognised as duplicates. */
export const scopeKey = (scope: ResponsibilityScope): string =>
  ATTRIBUTES.map((key) => `${key}=${scope[key] ?? '*'}`).join(';');
