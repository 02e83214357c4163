import { Inject, Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';
import type { Request } from 'express';
import { AUTHENTICATOR, type Authenticator } from '../auth/principal';
import { principalOfRequest } from '../auth/request-principal';
import { storageCallLimiter, type CallLimiter } from './call-limiter';
import { bucketOf, type ClientBucket, type RateLimitSettings } from './client-limits';

export const RATE_LIMIT_SETTINGS = Symbol('RATE_LIMIT_SETTINGS');

const buckets = new WeakMap<object, Promise<ClientBucket>>();

/** The process's per-client limits, as REST (the guard) and gRPC (the host) apply them. */
@Injectable()
export class ClientRateLimits {
  /** gRPC calls count in the same store, under the same keys, as REST requests. */
  readonly calls: CallLimiter;

  constructor(
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
    @Inject(RATE_LIMIT_SETTINGS) private readonly settings: RateLimitSettings,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
  ) {
    this.calls = storageCallLimiter(storage, settings);
  }

  /** The bucket of this request, resolved once (the limit and the tracker both ask). */
  bucketOfRequest(request: Request): Promise<ClientBucket> {
    let bucket = buckets.get(request);
    if (!bucket) {
      const address = request.ip ?? 'unknown';
      bucket = principalOfRequest(this.authenticator, request).then(
        (principal) => bucketOf(this.settings, principal, address),
        () => bucketOf(this.settings, undefined, address),
      );
      buckets.set(request, bucket);
    }
    return bucket;
  }
}
