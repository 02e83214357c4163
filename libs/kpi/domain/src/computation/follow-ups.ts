import type { FollowUp, KpiDefinitionVersion } from '../definition/kpi-definition';
import { selects } from './contributions';
import type { KpiFact } from './kpi-fact';

/** The follow-up that undoes a counted fact, when the definition names one. */
export const followUpOf = (definition: KpiDefinitionVersion): FollowUp | undefined =>
  definition.measure.kind === 'count' ? definition.measure.unlessFollowedBy : undefined;

/** Whether the fact is one the definition counts only until the same customer follows it up. */
export const countsUnlessFollowedUp = (definition: KpiDefinitionVersion, fact: KpiFact): boolean =>
  definition.measure.kind === 'count' && definition.measure.unlessFollowedBy !== undefined && selects(definition.measure.of, fact);

/** Whether the fact may follow up (undo) facts the definition counts. */
export const isFollowUp = (definition: KpiDefinitionVersion, fact: KpiFact): boolean => {
  const followUp = followUpOf(definition);
  return followUp !== undefined && selects(followUp.of, fact);
};

/** The instants a follow-up at `at` reaches back to: counted facts in [from, at] are undone by it. */
export const reachedBack = (followUp: FollowUp, at: string): { readonly from: string; readonly to: string } => ({
  from: new Date(Date.parse(at) - followUp.withinMinutes * 60_000).toISOString(),
  to: at,
});

/**
 * Whether a counted fact was followed up: some fact of the same customer (the caller passes only
 * those) matches the follow-up's selector and happened at or after it, within the window. It
 * depends on the facts alone, not on the order they arrived in, so a case opened before its
 * self-service answer arrived (another partition) undoes it just the same.
 */
export const wasFollowedUp = (followUp: FollowUp, counted: Pick<KpiFact, 'at'>, sameCustomer: readonly KpiFact[]): boolean => {
  const from = Date.parse(counted.at);
  const until = from + followUp.withinMinutes * 60_000;
  return sameCustomer.some((fact) => {
    const at = Date.parse(fact.at);
    return selects(followUp.of, fact) && at >= from && at <= until;
  });
};
