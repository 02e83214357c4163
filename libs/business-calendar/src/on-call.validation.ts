import type { FieldError } from '@collab/domain-kernel';
import { AROUND_THE_CLOCK, WEEKDAYS, type OnCall, type OnCallShift } from './business-calendar';
import { invalidDate, invalidInterval, invalidText } from './interval.validation';

const MAX_PRIORITY_LENGTH = 50;

const invalidDay = (shift: OnCallShift, field: string): FieldError[] => {
  const hasWeekday = 'weekday' in shift;
  const hasDate = 'date' in shift;
  if (hasWeekday === hasDate) return [{ field, message: 'must name exactly one of a weekday or a date' }];
  if ('date' in shift) return invalidDate(shift.date, `${field}.date`);
  return WEEKDAYS.includes(shift.weekday)
    ? []
    : [{ field: `${field}.weekday`, message: 'must be a weekday from 1 (Monday) to 7 (Sunday)' }];
};

/** Shifts may overlap each other and normal hours: coverage is their union. */
const invalidRota = (rota: OnCall['rota']): FieldError[] => {
  if (rota === AROUND_THE_CLOCK) return [];
  if (rota.length === 0)
    return [{ field: 'onCall.rota', message: `must list at least one shift, or be "${AROUND_THE_CLOCK}"` }];
  return rota.flatMap((shift, index) => [
    ...invalidDay(shift, `onCall.rota.${index}`),
    ...invalidInterval(shift, `onCall.rota.${index}`),
  ]);
};

export const invalidOnCall = (onCall: OnCall | undefined): FieldError[] => {
  if (onCall === undefined) return [];
  const appliesTo =
    onCall.appliesTo.length === 0
      ? [{ field: 'onCall.appliesTo', message: 'must name at least one priority, e.g. URGENT' }]
      : onCall.appliesTo.flatMap((priority, index) =>
          invalidText(priority, `onCall.appliesTo.${index}`, MAX_PRIORITY_LENGTH),
        );
  return [...appliesTo, ...invalidRota(onCall.rota)];
};
