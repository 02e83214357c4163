import { Injectable } from '@nestjs/common';
import type { EventMetadata } from '@collab/event-store';
import { identityKeysOf, type JoinReason, type Requester } from '@collab/intake-domain';
import { CaseBook } from '../../cases/case-book';
import { CustomerIdentities } from '../../customers/customer-identities';
import { CustomerOpenCases } from '../../customers/customer-open-cases';
import type { IdFor } from '../../idempotency/idempotent-requests';
import { ThreadIndex } from '../../threads/thread-index';

/** `previousCaseId`: the contact came on the thread of this case, which had ended, so it went elsewhere. */
export type Placement =
  | { readonly kind: 'open'; readonly caseId: string; readonly previousCaseId?: string }
  | { readonly kind: 'join'; readonly caseId: string; readonly reason: JoinReason; readonly previousCaseId?: string };

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
 * then a case the same customer opened in the same category within the join window. A case
 * workflow closed or cancelled is joined by neither: a contact on its thread is placed as if it
 * had no thread, and the thread moves to wherever that contact went.
 */
@Injectable()
export class CasePlacement {
  constructor(
    private readonly identities: CustomerIdentities,
    private readonly openCases: CustomerOpenCases,
    private readonly threads: ThreadIndex,
    private readonly cases: CaseBook,
  ) {}

  async place(request: PlacementRequest): Promise<{ customerId: string; placement: Placement }> {
    const customerId = await this.identities.resolve(identityKeysOf(request.requester), request.metadata.correlationId);
    return { customerId, placement: await this.placeFor(customerId, request) };
  }

  /** Binds the thread to the case that now holds it: the first case to claim a thread keeps it until that case ends. */
  async rememberThread(threadRef: string | undefined, placement: Placement, caseId: string, correlationId: string): Promise<void> {
    if (threadRef === undefined) return;
    if (placement.previousCaseId === undefined) await this.threads.bind(threadRef, caseId, correlationId);
    else await this.threads.move(threadRef, { from: placement.previousCaseId, to: caseId }, correlationId);
  }

  private async placeFor(customerId: string, request: PlacementRequest): Promise<Placement> {
    const threadCase = request.threadRef === undefined ? undefined : await this.threads.caseOf(request.threadRef);
    // A retry of this very request finds the thread bound to its own new case: placed as new again.
    const otherThreadCase = threadCase === request.newCaseId ? undefined : threadCase;
    const threadEnded = otherThreadCase !== undefined && (await this.hasEnded(otherThreadCase));
    if (otherThreadCase !== undefined && !threadEnded) return { kind: 'join', caseId: otherThreadCase, reason: 'THREAD' };
    const caseId = await this.openCases.caseFor({ customerId, category: request.category, newCaseId: request.newCaseId, metadata: request.metadata, idFor: request.idFor });
    const previous = threadEnded ? { previousCaseId: otherThreadCase } : {};
    return caseId === request.newCaseId ? { kind: 'open', caseId, ...previous } : { kind: 'join', caseId, reason: 'SAME_CUSTOMER_AND_CATEGORY', ...previous };
  }

  /** Asks the stream of the customer the case belongs to, who may be another than this contact's (a colleague's thread). */
  private async hasEnded(caseId: string): Promise<boolean> {
    const { state } = await this.cases.load(caseId);
    // Not written yet: the contact opening it is still at work, so it cannot have ended.
    if (state.status !== 'open') return false;
    return this.openCases.hasEnded(state.opened.customerId, caseId);
  }
}
