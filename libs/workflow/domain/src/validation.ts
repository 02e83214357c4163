import { ValidationFailed, type FieldError } from '@collab/domain-kernel';

export const isBlank = (value: string): boolean => value.trim().length === 0;

export const requireText = (field: string, value: string): FieldError[] =>
  isBlank(value) ? [{ field, message: 'must not be empty' }] : [];

export const requireWholeNumber = (field: string, value: number, atLeast: number): FieldError[] =>
  Number.isInteger(value) && value >= atLeast
    ? []
    : [{ field, message: `must be a whole number, ${atLeast} or more` }];

export const isInstant = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
  !Number.isNaN(Date.parse(value));

/** Throws one ValidationFailed naming every invalid field, or returns quietly. */
export const rejectInvalid = (errors: readonly FieldError[]): void => {
  if (errors.length > 0) throw new ValidationFailed(errors);
};
