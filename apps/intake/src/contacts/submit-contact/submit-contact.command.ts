import type { Actor, RequestOrigin } from '@collab/event-store';
import type { Submitter } from '@collab/intake-domain';
import type { SubmitContactInput } from './submit-contact.request';

/** Who submitted, and which request the resulting events belong to. */
export interface ContactOrigin {
  readonly actor: Actor;
  readonly correlationId: string;
  /** Idempotency-Key (REST) or request_id (gRPC); absent means every submission is new. */
  readonly idempotencyKey?: string;
  /** Where the request came from (REST), for the audit. */
  readonly from?: RequestOrigin;
}

export class SubmitContact {
  constructor(
    readonly input: SubmitContactInput,
    readonly origin: ContactOrigin,
    /** The verified caller: whom it may speak for is the domain's rule (speakingFor). */
    readonly submitter: Submitter,
  ) {}
}
