import { Controller, Get, Inject, Injectable, Module, Sse, type CanActivate, type ExecutionContext, type INestApplication } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import { interval, map, take } from 'rxjs';
import { ProblemDetailsFilter } from './problem-details.filter';
import { NoRequestDeadline, REQUEST_DEADLINE_MS, RequestDeadlineInterceptor, withinRequestDeadline } from './request-deadline.interceptor';

const DEADLINE_MS = 1_000;
const never = () => new Promise<never>(() => undefined);
const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

/** Stands for the auth guard's look-up: a path that waits (on a database) before the handler runs. */
@Injectable()
class SlowGuard implements CanActivate {
  constructor(@Inject(REQUEST_DEADLINE_MS) private readonly deadlineMs: number) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ path: string }>();
    const wait = request.path === '/guard-waits-forever' ? never() : request.path === '/guard-then-handler-slow' ? after(DEADLINE_MS * 0.6, true) : Promise.resolve(true);
    return withinRequestDeadline(request, this.deadlineMs, wait);
  }
}

@Controller()
class Handlers {
  @Get('guard-waits-forever')
  behindASilentGuard() {
    return { answered: 'never reached' };
  }

  @Get('guard-then-handler-slow')
  slowAfterASlowGuard() {
    return after(DEADLINE_MS * 0.6, { answered: 'too late in all' });
  }

  @Get('waits-forever')
  waitsForever() {
    return never();
  }

  @Get('answers-in-time')
  answersInTime() {
    return after(DEADLINE_MS / 4, { answered: true });
  }

  @Get('runs-long')
  @NoRequestDeadline()
  runsLong() {
    return after(DEADLINE_MS * 1.5, { answered: 'late, as it may' });
  }

  @Sse('stream')
  stream() {
    return interval(DEADLINE_MS * 0.6).pipe(
      take(3),
      map((n) => ({ data: { n } })),
    );
  }
}

@Module({
  controllers: [Handlers],
  providers: [
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: REQUEST_DEADLINE_MS, useValue: DEADLINE_MS },
    { provide: APP_INTERCEPTOR, useClass: RequestDeadlineInterceptor },
    { provide: APP_GUARD, useClass: SlowGuard },
  ],
})
class DeadlineTestModule {}

describe('every HTTP request answered within its deadline', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await NestFactory.create(DeadlineTestModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(() => app.close());

  it('given a handler that never answers, when its deadline passes, then the caller gets 503 problem details with Retry-After', async () => {
    const started = Date.now();
    const response = await fetch(`${base}/waits-forever`, { signal: AbortSignal.timeout(5_000) });
    const body = await response.json();

    expect(Date.now() - started).toBeLessThan(DEADLINE_MS + 1_000);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(body).toMatchObject({ status: 503, type: expect.stringMatching(/unavailable$/), detail: expect.stringContaining('Idempotency-Key') });
  });

  it('given a handler that answers before the deadline, then its answer is untouched', async () => {
    const response = await fetch(`${base}/answers-in-time`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ answered: true });
  });

  it('given a handler marked NoRequestDeadline, then it may answer after the deadline', async () => {
    const response = await fetch(`${base}/runs-long`, { signal: AbortSignal.timeout(5_000) });
    expect(response.status).toBe(200);
  });

  it('given a server-sent event stream, then it stays open past the deadline', async () => {
    const response = await fetch(`${base}/stream`, { signal: AbortSignal.timeout(5_000) });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text.match(/^data: /gm)).toHaveLength(3);
  });

  it('given a guard that waits forever before the handler, when the deadline passes, then the caller gets 503 with Retry-After', async () => {
    const started = Date.now();
    const response = await fetch(`${base}/guard-waits-forever`, { signal: AbortSignal.timeout(5_000) });
    expect(Date.now() - started).toBeLessThan(DEADLINE_MS + 1_000);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('given a guard and a handler each within the deadline but not together, then the deadline counts from the first and the caller gets 503', async () => {
    const started = Date.now();
    const response = await fetch(`${base}/guard-then-handler-slow`, { signal: AbortSignal.timeout(5_000) });
    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(DEADLINE_MS * 1.2 + 500);
  });
});
