import type { FieldError } from '@collab/domain-kernel';
import type { WorkingInterval } from './business-calendar';
import { isLocalDate, minutesOf } from './local-time';

export const invalidInterval = (interval: WorkingInterval, field: string): FieldError[] => {
  const start = minutesOf(interval.start, 'start');
  const end = minutesOf(interval.end, 'end');
  const errors: FieldError[] = [];
  if (start === undefined)
    errors.push({ field: `${field}.start`, message: 'must be a time HH:mm from 00:00 to 23:59' });
  if (end === undefined)
    errors.push({ field: `${field}.end`, message: 'must be a time HH:mm from 00:01 to 24:00' });
  if (start !== undefined && end !== undefined && end <= start)
    errors.push({
      field: `${field}.end`,
      message: `must be after the start ${interval.start} (split a shift that runs past midnight in two)`,
    });
  return errors;
};

interface Placed {
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

/** Each interval that starts before an earlier-starting one has ended; reported by its own index. */
const overlapping = (intervals: readonly WorkingInterval[], field: string): FieldError[] => {
  const placed: Placed[] = intervals
    .map((interval, index) => ({
      index,
      start: minutesOf(interval.start, 'start') ?? 0,
      end: minutesOf(interval.end, 'end') ?? 0,
    }))
    .sort((a, b) => a.start - b.start);
  const errors: FieldError[] = [];
  placed.reduce<Placed | undefined>((furthest, current) => {
    if (furthest && current.start < furthest.end)
      errors.push({ field: `${field}.${current.index}`, message: `overlaps ${field}.${furthest.index}` });
    return furthest && furthest.end >= current.end ? furthest : current;
  }, undefined);
  return errors;
};

/** One day's intervals: each well formed, and none overlapping another (breaks are the gaps). */
export const invalidDayHours = (intervals: readonly WorkingInterval[], field: string): FieldError[] => {
  const errors = intervals.flatMap((interval, index) => invalidInterval(interval, `${field}.${index}`));
  return errors.length > 0 ? errors : overlapping(intervals, field);
};

export const invalidDate = (date: string, field: string): FieldError[] =>
  isLocalDate(date) ? [] : [{ field, message: 'must be a calendar date YYYY-MM-DD' }];

/** Later repeats of a date already listed, so each duplicate is named once. */
export const repeatedDates = (dates: readonly string[], fieldOf: (index: number) => string): FieldError[] =>
  dates.flatMap((date, index) => {
    const first = dates.indexOf(date);
    return first < index ? [{ field: fieldOf(index), message: `repeats ${fieldOf(first)} (${date})` }] : [];
  });

export const invalidText = (value: string | undefined, field: string, maxLength: number): FieldError[] => {
  const length = typeof value === 'string' ? value.trim().length : 0;
  return length > 0 && length <= maxLength
    ? []
    : [{ field, message: `must be 1 to ${maxLength} characters` }];
};
