import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ValidationFailed, type FieldError } from '@collab/domain-kernel';

/**
 * Backstops for every string a request carries, whatever its schema says: no single string (a
 * description is the longest, 20,000 characters) nor key is longer than these, and no request
 * names more than MAX_PROBLEMS problems.
 */
export const MAX_STRING_LENGTH = 64 * 1024;
export const MAX_KEY_LENGTH = 128;
const MAX_PROBLEMS = 20;
const MAX_DEPTH = 32;
/** Field paths are built from the request's keys: echoed only this far. */
const MAX_FIELD_ECHO = 200;

// A lone surrogate is not text: PostgreSQL (and every UTF-8 encoder) refuses it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored as text; undefined when it can. */
export const textProblemOf = (value: string, max = MAX_STRING_LENGTH): string | undefined => {
  if (value.length > max) return `must be at most ${max} characters`;
  if (value.includes('\u0000')) return 'must not contain a NUL character (U+0000)';
  if (LONE_SURROGATE.test(value)) return 'must be well-formed Unicode (it holds a lone surrogate)';
  return undefined;
};

const echo = (field: string): string => (field.length > MAX_FIELD_ECHO ? `${field.slice(0, MAX_FIELD_ECHO)}…` : field);

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

const walk = (value: unknown, path: string, depth: number, problems: FieldError[]): void => {
  if (problems.length >= MAX_PROBLEMS) return;
  if (typeof value === 'string') {
    const problem = textProblemOf(value);
    if (problem) problems.push({ field: echo(path), message: problem });
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (depth > MAX_DEPTH) {
    problems.push({ field: echo(path), message: `must not nest deeper than ${MAX_DEPTH} levels` });
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    const keyProblem = textProblemOf(key, MAX_KEY_LENGTH);
    if (keyProblem) problems.push({ field: echo(path === '' ? 'body' : path), message: `has a key that ${keyProblem}` });
    else walk(item, join(path, key), depth + 1, problems);
  }
};

/** Every problem with the strings in a parsed body, query or path parameter, named by field. */
export const unsafeTextIn = (value: unknown, root = ''): FieldError[] => {
  const problems: FieldError[] = [];
  walk(value, root, 0, problems);
  return problems;
};

/**
 * One global check, before any schema: a NUL, a lone surrogate, an oversized string or key
 * anywhere in the parsed body, query or path is a 400 naming the field, and never reaches a
 * handler, an event or the database.
 */
@Injectable()
export class SafeTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const root = metadata.type === 'param' ? (metadata.data ?? 'path') : '';
    const problems = unsafeTextIn(value, root);
    if (problems.length > 0) throw new ValidationFailed(problems);
    return value;
  }
}
