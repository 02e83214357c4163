/**
 * The typed errors a decider or handler may throw. One exception filter maps them to problem
 * details (REST) and one function maps them to gRPC status codes; nothing else translates them.
 */
export interface FieldError {
  /** JSON-pointer-like path of the offending field, e.g. `requester.phone`. */
  readonly field: string;
  readonly message: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: string;
}

/** The input is invalid; every invalid field is named. 400/422 on REST, INVALID_ARGUMENT on gRPC. */
export class ValidationFailed extends DomainError {
  override readonly name = 'ValidationFailed';
  readonly code = 'validation-failed';
  constructor(readonly errors: readonly FieldError[]) {
    super(`invalid ${errors.map((e) => e.field).join(', ')}: ${errors.map((e) => e.message).join('; ')}`);
  }
}

export class NotFound extends DomainError {
  override readonly name = 'NotFound';
  readonly code = 'not-found';
  constructor(readonly what: string, readonly id: string) {
    super(`${what} ${id} was not found`);
  }
}

export class Forbidden extends DomainError {
  override readonly name = 'Forbidden';
  readonly code = 'forbidden';
}

/** The request clashes with what is stored (e.g. an idempotency key reused with another body). */
export class Conflict extends DomainError {
  override readonly name = 'Conflict';
  readonly code = 'conflict';
}

/** The command is not allowed in the current state. 409 on REST, FAILED_PRECONDITION on gRPC. */
export class IllegalTransition extends DomainError {
  override readonly name = 'IllegalTransition';
  readonly code = 'illegal-transition';
  constructor(readonly command: string, readonly state: string, reason?: string) {
    super(`${command} is not allowed while the case is ${state}${reason ? `: ${reason}` : ''}`);
  }
}

/**
 * The same request again before its interval has passed (an urge within the hour). 429 with
 * Retry-After on REST, RESOURCE_EXHAUSTED on gRPC: the caller may repeat it once `retryAfter` is reached.
 */
export class TooSoon extends DomainError {
  override readonly name = 'TooSoon';
  readonly code = 'too-soon';
  constructor(message: string, readonly retryAfter: Date, readonly now: Date) {
    super(message);
  }

  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.retryAfter.getTime() - this.now.getTime()) / 1000));
  }
}

export const assertNever = (value: never): never => {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
};
