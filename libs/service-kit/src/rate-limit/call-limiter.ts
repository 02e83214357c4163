import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Principal } from '../auth/principal';
import { bucketOf, RateLimited, type RateLimitSettings } from './client-limits';

/** Counts a gRPC call against its client's allowance; throws RateLimited when it is spent. */
export interface CallLimiter {
  admit(principal: Principal | undefined, address: string): Promise<void>;
}

/** The throttler name REST counts under: a client's REST and gRPC calls share one allowance. */
export const SHARED_THROTTLER = 'default';

/** The same sliding window and keys as RateLimitGuard, on the throttler's storage. */
export const storageCallLimiter = (storage: ThrottlerStorage, settings: RateLimitSettings): CallLimiter => ({
  async admit(principal, address) {
    const { key, limit } = bucketOf(settings, principal, address);
    const record = await storage.increment(`${SHARED_THROTTLER}:${key}`, settings.windowMs, limit, 0, SHARED_THROTTLER);
    if (record.isBlocked) throw new RateLimited(Math.max(1, record.timeToBlockExpire));
  },
});
