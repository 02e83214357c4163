import type { FieldError } from '@collab/domain-kernel';
import { FACT_KINDS, type FactKind } from '../cube/fact-kinds';

/** ≥ `atLeast` events of a kind (optionally of one request type) within the last `withinDays` days. */
export interface CountCondition {
  readonly type: 'COUNT';
  readonly kind: FactKind;
  readonly requestType?: string;
  readonly atLeast: number;
  readonly withinDays: number;
}

/** The customer's tier or region (as their latest case gave it) is one of `in`. */
export interface AttributeCondition {
  readonly type: 'ATTRIBUTE';
  readonly attribute: 'tier' | 'region';
  readonly in: readonly string[];
}

/** The customer's last (or average) CSAT lies within the bounds given. */
export interface CsatCondition {
  readonly type: 'CSAT';
  readonly measure: 'LAST' | 'AVERAGE';
  readonly atMost?: number;
  readonly atLeast?: number;
}

export type TagCondition = CountCondition | AttributeCondition | CsatCondition;

/** 客户标签规则: a tag holds for a customer while every condition holds. */
export interface TagRule {
  readonly tag: string;
  readonly version: number;
  readonly description: string;
  readonly conditions: readonly TagCondition[];
}

export const TAG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const MAX_WINDOW_DAYS = 366;

const countErrors = (condition: CountCondition, at: string): FieldError[] => [
  ...((FACT_KINDS as readonly string[]).includes(condition.kind) ? [] : [{ field: `${at}.kind`, message: `must be one of ${FACT_KINDS.join(', ')}` }]),
  ...(Number.isInteger(condition.atLeast) && condition.atLeast >= 1 && condition.atLeast <= 1000 ? [] : [{ field: `${at}.atLeast`, message: 'must be a whole number from 1 to 1000' }]),
  ...(Number.isInteger(condition.withinDays) && condition.withinDays >= 1 && condition.withinDays <= MAX_WINDOW_DAYS
    ? []
    : [{ field: `${at}.withinDays`, message: `must be a whole number of days from 1 to ${MAX_WINDOW_DAYS}` }]),
];

const csatErrors = (condition: CsatCondition, at: string): FieldError[] => {
  const bound = (name: 'atMost' | 'atLeast'): FieldError[] => {
    const value = condition[name];
    return value === undefined || (value >= 1 && value <= 5) ? [] : [{ field: `${at}.${name}`, message: 'must be a rating from 1 to 5' }];
  };
  const none = condition.atMost === undefined && condition.atLeast === undefined;
  const crossed = condition.atMost !== undefined && condition.atLeast !== undefined && condition.atLeast > condition.atMost;
  return [
    ...bound('atMost'),
    ...bound('atLeast'),
    ...(none ? [{ field: `${at}.atMost`, message: 'give atMost, atLeast or both' }] : []),
    ...(crossed ? [{ field: `${at}.atLeast`, message: 'must not be above atMost' }] : []),
  ];
};

const conditionErrors = (condition: TagCondition, index: number): FieldError[] => {
  const at = `conditions.${index}`;
  switch (condition.type) {
    case 'COUNT':
      return countErrors(condition, at);
    case 'ATTRIBUTE':
      return condition.in.length === 0 || condition.in.some((value) => value.trim() === '') ? [{ field: `${at}.in`, message: 'must list at least one value, none of them empty' }] : [];
    case 'CSAT':
      return csatErrors(condition, at);
  }
};

/** Every problem of a rule, each naming its field as the request spells it (`conditions.1.withinDays`). */
export const tagRuleErrors = (rule: Pick<TagRule, 'tag' | 'conditions'>): FieldError[] => [
  ...(TAG_PATTERN.test(rule.tag) ? [] : [{ field: 'tag', message: 'must be lower-case letters, digits and dashes (at most 63), e.g. at-risk' }]),
  ...(rule.conditions.length === 0 ? [{ field: 'conditions', message: 'must list at least one condition' }] : []),
  ...rule.conditions.flatMap(conditionErrors),
];
