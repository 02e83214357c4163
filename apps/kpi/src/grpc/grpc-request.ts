import type { ZodType } from 'zod';
import { fromTimestamp, type Timestamp__Output } from '@collab/contracts';
import { ValidationFailed } from '@collab/domain-kernel';
import { fieldErrorsOf } from '@collab/service-kit';

/** proto3 has no "absent": the empty string and zero mean the field was not sent. */
export const text = (value: string): string | undefined => (value === '' ? undefined : value);
export const count = (value: number): number | undefined => (value === 0 ? undefined : value);
/** An unset timestamp stays absent, so REST's schema names the missing field. */
export const instantOf = (timestamp: Timestamp__Output | null): string | undefined => fromTimestamp(timestamp)?.toISOString();
export const wrapped = (value: number | null): { value: number } | null => (value === null ? null : { value });

const snakeCase = (field: string): string => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** The request in REST's shape, validated by REST's schema; a bad field is INVALID_ARGUMENT naming it in snake_case. */
export const validated = <T>(schema: ZodType<T>, shape: Record<string, unknown>): T => {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(shape).filter(([, value]) => value !== undefined)));
  if (!parsed.success) throw new ValidationFailed(fieldErrorsOf(parsed.error).map((error) => ({ ...error, field: snakeCase(error.field) })));
  return parsed.data;
};

/** A REST rule's refusal, its field named as the proto names it (`kpiId` → `kpi_id`). */
export const renamed = async <T>(work: () => Promise<T> | T): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ValidationFailed) throw new ValidationFailed(error.errors.map((field) => ({ ...field, field: snakeCase(field.field) })));
    throw error;
  }
};
