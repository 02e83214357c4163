import type { FactKind, ScopeDimension } from '../definition/kpi-definition';

/**
 * One published event as the KPI computation sees it: its id (what makes folding idempotent), a
 * kind, when it happened, what it is about (a case, a task) and the dimensions and attributes it
 * carries itself. The case's own dimensions (channel, region, the holding unit as of `at`) are
 * joined by the app, whichever of the case's events arrives first.
 */
export interface KpiFact {
  readonly eventId: string;
  readonly kind: FactKind;
  readonly at: string;
  readonly caseId: string | null;
  readonly taskId: string | null;
  readonly dims: Readonly<Partial<Record<ScopeDimension, string>>>;
  readonly attrs: Readonly<Record<string, string | number | boolean>>;
}

/** A fact's field as a filter compares it: a dimension, else an attribute, as text. */
export const fieldOf = (fact: Pick<KpiFact, 'dims' | 'attrs'>, field: string): string | undefined => {
  const dimension = (fact.dims as Record<string, string | undefined>)[field];
  if (dimension !== undefined) return dimension;
  const attribute = fact.attrs[field];
  return attribute === undefined ? undefined : String(attribute);
};
