import type { FactSelector, Filter, KpiDefinitionVersion } from '../definition/kpi-definition';
import { fieldOf, type KpiFact } from './kpi-fact';

/**
 * What one fact adds to one KPI version: numerator and denominator of a rate, one value (a count's
 * 1, an attribute to average), a level's step, or one end of a duration (paired by the app).
 */
export type Part = 'num' | 'den' | 'value' | 'up' | 'down' | 'start' | 'end';
export interface Contribution {
  readonly part: Part;
  readonly value: number;
}

const holds = (fact: KpiFact, filters: readonly Filter[]): boolean =>
  filters.every((filter) => {
    const value = fieldOf(fact, filter.field);
    return value !== undefined && filter.in.includes(value);
  });

/** Selector filters judge the fact alone; the definition's filters may name case dimensions the app joins later. */
export const selects = (selector: FactSelector, fact: KpiFact): boolean => selector.fact === fact.kind && holds(fact, selector.where ?? []);

/** The definition's own filters, judged on the fact with its case's dimensions joined. */
export const passesFilters = (definition: KpiDefinitionVersion, fact: Pick<KpiFact, 'dims' | 'attrs'>): boolean =>
  holds(fact as KpiFact, definition.filters);

/** The fact kinds a definition reads at all: a follower skips the rest without a query. */
export const kindsRead = (definition: KpiDefinitionVersion): readonly string[] => {
  const { measure } = definition;
  switch (measure.kind) {
    case 'count':
      return measure.unlessFollowedBy === undefined ? [measure.of.fact] : [measure.of.fact, measure.unlessFollowedBy.of.fact];
    case 'average':
      return [measure.of.fact];
    case 'rate':
      return [measure.numerator.fact, measure.denominator.fact];
    case 'duration':
      return [measure.from.fact, measure.to.fact];
    case 'level':
      return [measure.up.fact, measure.down.fact];
  }
};

const attributeValue = (fact: KpiFact, attribute: string): number | undefined => {
  const value = fact.attrs[attribute];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};

export const contributionsOf = (definition: KpiDefinitionVersion, fact: KpiFact): Contribution[] => {
  const { measure } = definition;
  const when = (selector: FactSelector, part: Part, value = 1): Contribution[] => (selects(selector, fact) ? [{ part, value }] : []);
  switch (measure.kind) {
    case 'count':
      return when(measure.of, 'value');
    case 'average': {
      const value = attributeValue(fact, measure.attribute);
      return value === undefined ? [] : when(measure.of, 'value', value);
    }
    case 'rate':
      return [...when(measure.numerator, 'num'), ...when(measure.denominator, 'den')];
    case 'duration':
      return [...when(measure.from, 'start', 0), ...when(measure.to, 'end', 0)];
    case 'level':
      return [...when(measure.up, 'up'), ...when(measure.down, 'down')];
  }
};
