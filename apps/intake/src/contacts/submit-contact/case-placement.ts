import { Injectable } from '@nestjs/common';
import type { EventMetadata } from '@collab/event-store';
import { identityKeysOf, type JoinReason, type Requester } from '@collab/intake-domain';
import { CustomerIdentities } from '../../customers/customer-identities';
import { CustomerOpenCases } from '../../customers/customer-open-cases';
import type { IdFor } from '../../idempotency/idempotent-requests';
import { ThreadIndex } from '../../threads/thread-index';

export type Placement =
  | { readonly kind: 'open'; readonly caseId: string }
  | { readonly kind: 'join'; readonly caseId: string; readonly reason: JoinReason };

export interface PlacementRequest {
  readonly requester: Requester;
  readonly category: string;
  readonly threadRef?: string;
  /** The id a new case gets; derived from the idempotency key when there is one. */
  readonly newCaseId: string;
  readonly metadata: EventMetadata;
  readonly idFor: IdFor;
}

/**
 * Recognises the customer (the same customer id, phone or email is the same customer on every
 * channel), then decides whether the contact opens a case or joins one: its thread's case first,
 * then a case the same customer opened in the same category within the join window.
 */
@Injectable()
export class CasePlacement {
  constructor(
    private readonly identities: CustomerIdentities,
    private readonly openCases: CustomerOpenCases,
    private readonly threads: ThreadIndex,
  ) {}

  async place(request: PlacementRequest): Promise<{ customerId: string; placement: Placement }> {
    const customerId = await this.identities.resolve(identityKeysOf(request.requester), request.metadata.correlationId);
    return { customerId, placement: await this.placeFor(customerId, request) };
  }

  /** Binds the thread to the case that now holds it; the first case to claim a thread keeps it. */
  async rememberThread(threadRef: string | undefined, caseId: string, correlationId: string): Promise<void> {
    if (threadRef !== undefined) await this.threads.bind(threadRef, caseId, correlationId);
  }

  private async placeFor(customerId: string, request: PlacementRequest): Promise<Placement> {
    const threadCase = request.threadRef === undefined ? undefined : await this.threads.caseOf(request.threadRef);
    if (threadCase !== undefined && threadCase !== request.newCaseId) return { kind: 'join', caseId: threadCase, reason: 'THREAD' };
    const caseId = await this.openCases.caseFor({ customerId, category: request.category, newCaseId: request.newCaseId, metadata: request.metadata, idFor: request.idFor });
    return caseId === request.newCaseId ? { kind: 'open', caseId } : { kind: 'join', caseId, reason: 'SAME_CUSTOMER_AND_CATEGORY' };
  }
}
