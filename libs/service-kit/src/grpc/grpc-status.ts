import { Metadata, status } from '@grpc/grpc-js';
import { ZodError } from 'zod';
import { EventIdConflict, WrongExpectedVersion } from '@collab/event-store';
import {
  Conflict,
  DomainError,
  Forbidden,
  IllegalTransition,
  NotFound,
  TooSoon,
  ValidationFailed,
  type FieldError,
} from '../errors/domain-errors';
import { classify } from '@collab/following';
import { Unauthenticated } from '../auth/principal';
import { RateLimited } from '../rate-limit/client-limits';

/** What a gRPC handler sends back for a failed call; accepted by grpc-js callbacks and `emit('error')`. */
export interface GrpcStatus {
  readonly code: status;
  readonly details: string;
  readonly metadata: Metadata;
}

/** Where faults of ours are reported; pino's logger fits as it is. */
export interface GrpcErrorLog {
  error(details: Record<string, unknown>, message: string): void;
}

export const consoleErrorLog: GrpcErrorLog = {
  error: (details, message) => console.error(message, details),
};

/** Trailer carrying the invalid fields as JSON, for clients that show them next to their inputs. */
export const FIELD_ERRORS_TRAILER = 'field-errors-bin';

type ErrorClass = abstract new (...args: never[]) => Error;

/** Order matters: the first match wins, and DomainError catches the subclasses listed before it. */
const CODES: ReadonlyArray<readonly [ErrorClass, status]> = [
  [Unauthenticated, status.UNAUTHENTICATED],
  [Forbidden, status.PERMISSION_DENIED],
  [ValidationFailed, status.INVALID_ARGUMENT],
  [NotFound, status.NOT_FOUND],
  [IllegalTransition, status.FAILED_PRECONDITION],
  // The stream moved on between read and append: safe to retry the whole call, hence ABORTED.
  [WrongExpectedVersion, status.ABORTED],
  // An idempotency key or event id reused with different content.
  [Conflict, status.ALREADY_EXISTS],
  [TooSoon, status.RESOURCE_EXHAUSTED],
  [RateLimited, status.RESOURCE_EXHAUSTED],
  [EventIdConflict, status.ALREADY_EXISTS],
  [DomainError, status.FAILED_PRECONDITION],
];

const fieldErrorsOf = (error: ZodError): FieldError[] =>
  error.issues.map((issue) => ({ field: issue.path.join('.') || 'request', message: issue.message }));

/**
 * Trailers travel in HTTP/2 headers: a long grpc-message can wedge the caller's connection, so
 * details and the field list are bounded whatever the caller sent.
 */
const MAX_DETAILS = 1_000;
const MAX_FIELD_ERRORS = 20;
const bounded = (text: string): string => (text.length > MAX_DETAILS ? `${text.slice(0, MAX_DETAILS)}…` : text);

const invalidArgument = (all: readonly FieldError[]): GrpcStatus => {
  const errors = all.slice(0, MAX_FIELD_ERRORS);
  const metadata = new Metadata();
  metadata.set(FIELD_ERRORS_TRAILER, Buffer.from(JSON.stringify(errors)));
  const details = bounded(`invalid ${errors.map((e) => e.field).join(', ')}: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
  return { code: status.INVALID_ARGUMENT, details, metadata };
};

/**
 * The one translation from an error to a gRPC status (its REST twin is errorToProblem).
 * Anything unknown is a fault of ours: logged with its stack, answered as INTERNAL without
 * internals, since the message may hold SQL or hostnames.
 */
export const toGrpcStatus = (
  error: unknown,
  log: GrpcErrorLog = consoleErrorLog,
  method = 'unknown method',
): GrpcStatus => {
  if (error instanceof ValidationFailed) return invalidArgument(error.errors);
  if (error instanceof ZodError) return invalidArgument(fieldErrorsOf(error));
  const known = CODES.find(([type]) => error instanceof type);
  if (known && error instanceof Error)
    return { code: known[1], details: bounded(error.message), metadata: new Metadata() };
  // The database or broker is away: the caller may retry, as gRPC's UNAVAILABLE says (REST: 503).
  if (classify(error) === 'transient') return { code: status.UNAVAILABLE, details: 'a store or broker this service needs is not reachable just now; retry', metadata: new Metadata() };
  log.error({ err: error, method }, `gRPC ${method} failed`);
  return { code: status.INTERNAL, details: 'internal error', metadata: new Metadata() };
};
