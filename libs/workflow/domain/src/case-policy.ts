import type { DecisionContext, FieldError } from '@collab/domain-kernel';
import { requireWholeNumber } from './validation';

/** The configurable parts of the case lifecycle; the app reads them from its validated config. */
export interface CasePolicy {
  /** Quiet period: a resolved case the requester neither confirms nor reopens closes itself after this many calendar minutes. */
  readonly autoCloseAfterMinutes: number;
  /** A closed case may be reopened for this many calendar minutes after it closed. */
  readonly reopenWithinMinutes: number;
  /** More direction reversals than this between the same two units is a ping-pong. */
  readonly pingPongMaxBounces: number;
}

export const DEFAULT_CASE_POLICY: CasePolicy = {
  autoCloseAfterMinutes: 3 * 24 * 60,
  reopenWithinMinutes: 7 * 24 * 60,
  pingPongMaxBounces: 2,
};

/** The case decider's context: the time, and the policy when it differs from the default. */
export interface CaseDecisionContext extends DecisionContext {
  readonly policy?: CasePolicy;
}

export const validateCasePolicy = (policy: CasePolicy): FieldError[] => [
  ...requireWholeNumber('autoCloseAfterMinutes', policy.autoCloseAfterMinutes, 1),
  ...requireWholeNumber('reopenWithinMinutes', policy.reopenWithinMinutes, 1),
  ...requireWholeNumber('pingPongMaxBounces', policy.pingPongMaxBounces, 0),
];

export const MS_PER_MINUTE = 60_000;

export const minutesAfter = (instant: string, minutes: number): Date =>
  new Date(Date.parse(instant) + minutes * MS_PER_MINUTE);
