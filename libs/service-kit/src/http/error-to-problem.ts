import { HttpException } from '@nestjs/common';
import { ZodValidationException } from 'nestjs-zod';
import type { ZodError } from 'zod';
import { WrongExpectedVersion } from '@collab/event-store';
import { Conflict, DomainError, Forbidden, IllegalTransition, NotFound, TooSoon, ValidationFailed } from '@collab/domain-kernel';
import { classify } from '@collab/following';
import { Unauthenticated } from '../auth/principal';
import { problem, type ProblemDetails } from './problem-details';
import { RequestDeadlineExceeded } from './request-deadline.interceptor';
import { RateLimited } from '../rate-limit/client-limits';

/** Errors body-parser raises before a controller runs (too large, malformed JSON, bad charset). */
interface BodyParserError {
  readonly type: string;
  readonly status?: number;
  readonly message: string;
}

const BODY_PARSER_ERROR_TYPES = new Set([
  'entity.too.large',
  'entity.parse.failed',
  'entity.verify.failed',
  'request.aborted',
  'request.size.invalid',
  'charset.unsupported',
  'encoding.unsupported',
]);

const isBodyParserError = (error: unknown): error is BodyParserError =>
  typeof error === 'object' && error !== null && BODY_PARSER_ERROR_TYPES.has(String((error as { type?: unknown }).type));

/** Problems echo what the client sent (field paths): never more than this many, never longer than this. */
const MAX_ERRORS = 20;
const MAX_DETAIL = 1_000;
const bounded = (text: string): string => (text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text);

const invalid = (detail: string, errors: ProblemDetails['errors']): ProblemDetails =>
  problem({ status: 400, slug: 'validation-failed', title: 'The request is invalid', detail: bounded(detail), ...(errors ? { errors: errors.slice(0, MAX_ERRORS) } : {}) });

/** A gzip or deflate body that does not inflate: zlib's error, which body-parser passes on as a 400 without a type. */
const isCorruptEncoding = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && /^Z_[A-Z_]+$/.test(String((error as { code?: unknown }).code)) && (error as { status?: unknown }).status === 400;

const corruptBody = (): ProblemDetails =>
  problem({ status: 400, slug: 'corrupt-body', title: 'The request body cannot be decompressed', detail: 'the body does not inflate with its Content-Encoding', errors: [{ field: 'body', message: 'does not inflate with its Content-Encoding' }] });

/** One entry per invalid field, named by its path in the request (`requester.email`). */
export const fieldErrorsOf = (error: ZodError): { field: string; message: string }[] =>
  error.issues.flatMap((issue) =>
    // Zod reports all unknown keys of an object in one issue; each is a field of its own.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), message: 'is not a known field' }))
      : [{ field: issue.path.length ? issue.path.join('.') : 'body', message: issue.message }],
  );

const fromZod = (error: ZodError): ProblemDetails => {
  const errors = fieldErrorsOf(error);
  return invalid(`invalid: ${errors.map((e) => e.field).join(', ')}`, errors);
};

const DOMAIN_PROBLEMS: readonly [abstract new (...args: never[]) => DomainError, number, string, string][] = [
  [NotFound, 404, 'not-found', 'Not found'],
  [Forbidden, 403, 'forbidden', 'Forbidden'],
  [IllegalTransition, 409, 'illegal-transition', 'Not allowed in this state'],
  [Conflict, 409, 'conflict', 'Conflict'],
];

const fromDomain = (error: DomainError): ProblemDetails => {
  if (error instanceof ValidationFailed) return invalid(error.message, error.errors);
  if (error instanceof TooSoon)
    return problem({ status: 429, slug: 'too-soon', title: 'Too soon', detail: error.message, retryAfter: error.retryAfter.toISOString(), retryAfterSeconds: error.retryAfterSeconds });
  const [, status, slug, title] = DOMAIN_PROBLEMS.find(([type]) => error instanceof type) ?? [DomainError, 400, error.code, 'The request cannot be processed'];
  return problem({ status, slug, title, detail: bounded(error.message) });
};

const fromBodyParser = (error: BodyParserError): ProblemDetails => {
  const errors = [{ field: 'body', message: error.type === 'entity.parse.failed' ? 'is not valid JSON' : error.message }];
  if (error.type === 'entity.too.large')
    return problem({ status: 413, slug: 'payload-too-large', title: 'The request body is too large', detail: error.message, errors });
  if (error.type === 'entity.parse.failed')
    return problem({ status: 400, slug: 'malformed-json', title: 'The request body is not valid JSON', detail: error.message, errors });
  return problem({ status: error.status ?? 415, slug: 'unsupported-body', title: 'The request body cannot be read', detail: error.message, errors });
};

const fromHttp = (error: HttpException): ProblemDetails => {
  const status = error.getStatus();
  const slug = status === 404 ? 'not-found' : `http-${status}`;
  return problem({ status, slug, title: error.name.replace(/Exception$/, ''), detail: error.message });
};

/**
 * Seconds a client is asked to wait when the database or the broker is away: a pool connects
 * afresh on the next request, so a short wait is enough once they are back.
 */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 2;

/**
 * The database or the broker is away (a connection refused, cut or timed out; see following's
 * classify): the request may well succeed later, so it is a 503 with Retry-After, not a fault of ours.
 */
const unavailable = (detail = 'A store or broker this service needs is not reachable just now; retry after the Retry-After seconds.'): ProblemDetails =>
  problem({
    status: 503,
    slug: 'unavailable',
    title: 'Service Unavailable',
    detail,
    retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
  });

/** Refused before any policy looked: too many requests, or no valid token. */
const fromAdmission = (error: unknown): ProblemDetails | undefined => {
  if (error instanceof RateLimited)
    return problem({ status: 429, slug: 'rate-limited', title: 'Too many requests', detail: error.message, retryAfterSeconds: error.retryAfterSeconds });
  if (error instanceof Unauthenticated)
    return problem({ status: 401, slug: 'unauthenticated', title: 'Authentication required', detail: error.message });
  return undefined;
};

/** The one translation from an error to problem details; undefined means "a fault of ours" (500). */
export const errorToProblem = (error: unknown): ProblemDetails | undefined => {
  if (error instanceof ZodValidationException) return fromZod(error.getZodError() as ZodError);
  if (error instanceof DomainError) return fromDomain(error);
  const refused = fromAdmission(error);
  if (refused) return refused;
  if (error instanceof WrongExpectedVersion)
    return problem({ status: 409, slug: 'concurrent-modification', title: 'Changed by someone else meanwhile', detail: error.message });
  if (isBodyParserError(error)) return fromBodyParser(error);
  if (isCorruptEncoding(error)) return corruptBody();
  if (error instanceof HttpException) return fromHttp(error);
  if (error instanceof RequestDeadlineExceeded) return unavailable(`No answer within ${error.deadlineMs / 1000} s; it may still be applied: retry with the same Idempotency-Key after the Retry-After seconds.`);
  if (classify(error) === 'transient') return unavailable();
  return undefined;
};
