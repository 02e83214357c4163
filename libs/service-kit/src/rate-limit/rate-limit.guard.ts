import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { Request } from 'express';
import { SHARED_THROTTLER } from './call-limiter';
import { RateLimited, type RateLimitSettings } from './client-limits';
import { ClientRateLimits } from './client-rate-limits';

/**
 * @nestjs/throttler's guard, counting per client across every route (not per route), before the
 * auth guard: by the token's subject when it verifies, else by address. Health, readiness and
 * metrics are marked @SkipThrottle(); the API docs are not Nest routes and stay outside it.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly limits: ClientRateLimits,
  ) {
    super(options, storage, reflector);
  }

  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    return Promise.resolve(context.getType() !== 'http');
  }

  /** The limit is the bucket's: a channel's allowance is larger than a single client's. */
  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    const { limit } = await this.limits.bucketOfRequest(this.getRequestResponse(props.context).req as Request);
    return super.handleRequest({ ...props, limit });
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    return (await this.limits.bucketOfRequest(request as unknown as Request)).key;
  }

  /** One count per client for the whole API, whichever route it calls. */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }

  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new RateLimited(Math.max(1, detail.timeToBlockExpire));
  }
}

/**
 * The throttler's options: one sliding window (no block: refused requests do not count, and
 * Retry-After is when the oldest counted one leaves the window); the limit is the bucket's.
 */
export const throttlerOptionsOf = (settings: RateLimitSettings): ThrottlerModuleOptions => ({
  throttlers: [{ name: SHARED_THROTTLER, ttl: settings.windowMs, limit: settings.perClient, blockDuration: 0 }],
});
