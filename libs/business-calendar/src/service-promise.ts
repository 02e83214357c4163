import { ValidationFailed, type FieldError } from '@collab/domain-kernel';
import type { BusinessCalendar } from './business-calendar';
import { addBusinessTime } from './business-time';

/** SLA targets in business minutes on the applicable calendar. */
export interface SlaPolicy {
  readonly firstResponseMinutes: number;
  readonly resolutionMinutes: number;
}

export interface ExpectedTimes {
  readonly firstResponseBy: Date;
  readonly resolveBy: Date;
}

const invalidMinutes = (policy: SlaPolicy): FieldError[] =>
  (['firstResponseMinutes', 'resolutionMinutes'] as const).flatMap((field) =>
    Number.isFinite(policy[field]) && policy[field] >= 0
      ? []
      : [{ field, message: 'must be a finite number of business minutes, 0 or more' }],
  );

/**
 * The honest promise made when a contact is acknowledged: the SLA's targets counted in the
 * calendar's business time from arrival. Pure, so it also answers the what-if ("if a contact of
 * this kind arrived then, what would we promise?") without storing anything.
 */
export const expectedTimes = (
  calendar: BusinessCalendar,
  policy: SlaPolicy,
  receivedAt: Date,
  priority?: string,
): ExpectedTimes => {
  const errors = invalidMinutes(policy);
  if (errors.length > 0) throw new ValidationFailed(errors);
  const options = priority === undefined ? {} : { priority };
  return {
    firstResponseBy: addBusinessTime(calendar, receivedAt, policy.firstResponseMinutes, options),
    resolveBy: addBusinessTime(calendar, receivedAt, policy.resolutionMinutes, options),
  };
};
