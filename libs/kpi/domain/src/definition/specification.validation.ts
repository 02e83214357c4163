import type { FieldError } from '@collab/domain-kernel';
import { FACT_KINDS, GRANULARITIES, MAX_FOLLOW_UP_MINUTES, SCOPE_DIMENSIONS, type FactSelector, type FollowUp, type Filter, type KpiSpecification, type Measure } from './kpi-definition';

const selectorErrors = (field: string, selector: FactSelector): FieldError[] => [
  ...((FACT_KINDS as readonly string[]).includes(selector.fact) ? [] : [{ field: `${field}.fact`, message: `must be one of ${FACT_KINDS.join(', ')}` }]),
  ...filterErrors(`${field}.where`, selector.where ?? []),
];

const filterErrors = (field: string, filters: readonly Filter[]): FieldError[] =>
  filters.flatMap((filter, index) => (filter.in.length === 0 ? [{ field: `${field}.${index}.in`, message: 'must name at least one value' }] : []));

const followUpErrors = (followUp: FollowUp | undefined): FieldError[] =>
  followUp === undefined
    ? []
    : [
        ...selectorErrors('measure.unlessFollowedBy.of', followUp.of),
        ...(Number.isInteger(followUp.withinMinutes) && followUp.withinMinutes >= 1 && followUp.withinMinutes <= MAX_FOLLOW_UP_MINUTES
          ? []
          : [{ field: 'measure.unlessFollowedBy.withinMinutes', message: `must be a whole number of minutes from 1 to ${MAX_FOLLOW_UP_MINUTES}` }]),
      ];

const measureErrors = (measure: Measure): FieldError[] => {
  switch (measure.kind) {
    case 'count':
      return [...selectorErrors('measure.of', measure.of), ...followUpErrors(measure.unlessFollowedBy)];
    case 'average':
      return selectorErrors('measure.of', measure.of);
    case 'rate':
      return [...selectorErrors('measure.numerator', measure.numerator), ...selectorErrors('measure.denominator', measure.denominator)];
    case 'duration':
      return [...selectorErrors('measure.from', measure.from), ...selectorErrors('measure.to', measure.to)];
    case 'level':
      return [...selectorErrors('measure.up', measure.up), ...selectorErrors('measure.down', measure.down)];
  }
};

/** A rate is a share: its thresholds lie in 0..1. */
const thresholdErrors = (spec: KpiSpecification): FieldError[] => {
  const outOfShare = (value: number | null) => spec.measure.kind === 'rate' && value !== null && (value < 0 || value > 1);
  return [
    ...(outOfShare(spec.target) ? [{ field: 'target', message: 'a rate is between 0 and 1' }] : []),
    ...(outOfShare(spec.warning) ? [{ field: 'warning', message: 'a rate is between 0 and 1' }] : []),
    ...(warningBeyondTarget(spec) ? [{ field: 'warning', message: 'must warn before the target is missed (on the good side of it)' }] : []),
  ];
};

const warningBeyondTarget = ({ target, warning, direction }: KpiSpecification): boolean =>
  target !== null && warning !== null && (direction === 'HIGHER_IS_BETTER' ? warning < target : warning > target);

/** Every rule between the fields of a specification; each failing field named. */
export const specificationErrors = (spec: KpiSpecification): FieldError[] => [
  ...(spec.names.zh.trim() === '' ? [{ field: 'names.zh', message: 'must not be empty' }] : []),
  ...(spec.names.en.trim() === '' ? [{ field: 'names.en', message: 'must not be empty' }] : []),
  ...spec.dimensions.filter((dimension) => !(SCOPE_DIMENSIONS as readonly string[]).includes(dimension)).map(() => ({ field: 'dimensions', message: `must be among ${SCOPE_DIMENSIONS.join(', ')}` })),
  ...(spec.granularities.length === 0 || spec.granularities.some((g) => !(GRANULARITIES as readonly string[]).includes(g))
    ? [{ field: 'granularities', message: `must name at least one of ${GRANULARITIES.join(', ')}` }]
    : []),
  ...measureErrors(spec.measure),
  ...filterErrors('filters', spec.filters),
  ...thresholdErrors(spec),
];
