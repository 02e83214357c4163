import { HttpException } from '@nestjs/common';
import { ZodValidationException } from 'nestjs-zod';
import type { ZodError } from 'zod';
import { WrongExpectedVersion } from '@collab/event-store';
import { Conflict, DomainError, Forbidden, IllegalTransition, NotFound, ValidationFailed } from '@collab/domain-kernel';
import { Unauthenticated } from '../auth/principal';
import { problem, type ProblemDetails } from './problem-details';

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

const fromZod = (error: ZodError): ProblemDetails => {
  const errors = error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : 'body'),
    message: issue.message,
  }));
  return problem(400, 'validation-failed', 'The request is invalid', `invalid: ${errors.map((e) => e.field).join(', ')}`, { errors });
};

const fromDomain = (error: DomainError): ProblemDetails => {
  if (error instanceof ValidationFailed)
    return problem(400, 'validation-failed', 'The request is invalid', error.message, { errors: error.errors });
  if (error instanceof NotFound) return problem(404, 'not-found', 'Not found', error.message);
  if (error instanceof Forbidden) return problem(403, 'forbidden', 'Forbidden', error.message);
  if (error instanceof IllegalTransition) return problem(409, 'illegal-transition', 'Not allowed in this state', error.message);
  if (error instanceof Conflict) return problem(409, 'conflict', 'Conflict', error.message);
  return problem(400, error.code, 'The request cannot be processed', error.message);
};

const fromBodyParser = (error: BodyParserError): ProblemDetails => {
  if (error.type === 'entity.too.large')
    return problem(413, 'payload-too-large', 'The request body is too large', error.message, { errors: [{ field: 'body', message: error.message }] });
  if (error.type === 'entity.parse.failed')
    return problem(400, 'malformed-json', 'The request body is not valid JSON', error.message, { errors: [{ field: 'body', message: 'is not valid JSON' }] });
  return problem(error.status ?? 415, 'unsupported-body', 'The request body cannot be read', error.message, { errors: [{ field: 'body', message: error.message }] });
};

const fromHttp = (error: HttpException): ProblemDetails => {
  const status = error.getStatus();
  return problem(status, status === 404 ? 'not-found' : `http-${status}`, error.name.replace(/Exception$/, ''), error.message);
};

/** The one translation from an error to problem details; undefined means "a fault of ours" (500). */
export const errorToProblem = (error: unknown): ProblemDetails | undefined => {
  if (error instanceof ZodValidationException) return fromZod(error.getZodError() as ZodError);
  if (error instanceof DomainError) return fromDomain(error);
  if (error instanceof Unauthenticated) return problem(401, 'unauthenticated', 'Authentication required', error.message);
  if (error instanceof WrongExpectedVersion)
    return problem(409, 'concurrent-modification', 'Changed by someone else meanwhile', error.message);
  if (isBodyParserError(error)) return fromBodyParser(error);
  if (error instanceof HttpException) return fromHttp(error);
  return undefined;
};
