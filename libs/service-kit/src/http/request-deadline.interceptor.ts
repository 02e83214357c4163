import { Inject, Injectable, Logger, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { throwError, timeout, type Observable } from 'rxjs';
import type { Request } from 'express';

/** Nest's own mark on an `@Sse()` handler: a stream is meant to stay open. */
const SSE_METADATA = '__sse__';
const NO_DEADLINE = 'collab:no-request-deadline';

/** For a handler that legitimately runs long (a stream, an export): it answers when it is done. */
export const NoRequestDeadline = (): MethodDecorator & ClassDecorator => SetMetadata(NO_DEADLINE, true);

/** The request's deadline passed before its handler answered; whatever it waited for may still land. */
export class RequestDeadlineExceeded extends Error {
  override readonly name = 'RequestDeadlineExceeded';
  constructor(readonly deadlineMs: number) {
    super(`no answer within ${deadlineMs / 1000} s`);
  }
}

export const REQUEST_DEADLINE_MS = Symbol('REQUEST_DEADLINE_MS');

/** When each request's deadline falls, fixed by the first stage that asks: guards run before interceptors. */
const deadlines = new WeakMap<object, number>();

export const requestDeadlineAt = (request: object, deadlineMs: number): number => {
  let at = deadlines.get(request);
  if (at === undefined) deadlines.set(request, (at = Date.now() + deadlineMs));
  return at;
};

/**
 * Holds work done before the handler (the auth guard's role-grant look-up, which waits on the
 * database) to the request's one deadline: Nest runs guards before any interceptor, so the
 * interceptor alone would leave a request waiting on a silent database for the query timeout.
 */
export const withinRequestDeadline = <T>(request: object, deadlineMs: number, work: Promise<T>): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new RequestDeadlineExceeded(deadlineMs)), Math.max(0, requestDeadlineAt(request, deadlineMs) - Date.now()));
    work.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: Error) => (clearTimeout(timer), reject(error)),
    );
  });

/**
 * Every HTTP request is answered within its deadline, whatever the handler waits for (a database
 * that went silent mid-query, a peer that does not answer): past it the caller gets 503 +
 * Retry-After and retries, with its Idempotency-Key, instead of holding a connection open. Work
 * already under way is not cancelled: an append either landed (the retry reads its answer) or did not.
 */
@Injectable()
export class RequestDeadlineInterceptor implements NestInterceptor {
  private readonly logger = new Logger('RequestDeadline');

  constructor(
    private readonly reflector: Reflector,
    @Inject(REQUEST_DEADLINE_MS) private readonly deadlineMs: number,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || this.exempt(context)) return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    return next.handle().pipe(
      timeout({
        // What the guards already spent counts: one deadline from the request's first stage to its answer.
        first: Math.max(1, requestDeadlineAt(request, this.deadlineMs) - Date.now()),
        with: () => {
          this.logger.warn({ method: request.method, path: request.originalUrl, deadlineMs: this.deadlineMs }, 'a request passed its deadline; answered 503');
          return throwError(() => new RequestDeadlineExceeded(this.deadlineMs));
        },
      }),
    );
  }

  private exempt(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    return this.reflector.getAllAndOverride<boolean>(NO_DEADLINE, targets) === true || Reflect.getMetadata(SSE_METADATA, context.getHandler()) === true;
  }
}
