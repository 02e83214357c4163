import { Inject, Injectable } from '@nestjs/common';
import { StreamSnapshot, type EventStore, type Folded } from '@collab/event-store';
import {
  caseStreamId,
  customerDecider,
  customerStreamId,
  idempotencyDecider,
  identityStreamId,
  intakeCaseDecider,
  isOwnThread,
  recognisedKeysOf,
  recogniseCustomer,
  threadCaseOf,
  threadDecider,
  type CustomerState,
  type IdempotencyState,
  type IdentityClaimed,
  type IdentityKey,
  type IntakeCaseState,
  type ThreadCase,
  type ThreadState,
} from '@collab/intake-domain';
import { EVENT_STORE } from '@collab/service-kit';
import { IdentityOwners } from '../../customers/identity-owners';
import type { ContactRequest } from './contact-request';
import { threadStreamId } from './thread-stream';

/** The case a contact was placed in is recorded for its customer but not written yet: try again shortly. */
export class JoinedCaseNotWrittenYet extends Error {
  override readonly name = 'JoinedCaseNotWrittenYet';
  constructor(readonly caseId: string) {
    super(`case ${caseId} is recorded for its customer but not written yet`);
  }
}

export interface IdentityFact {
  readonly key: IdentityKey;
  readonly streamId: string;
  readonly owner?: string;
}

/** Everything a contact is decided on, each stream read once, as few round trips as it takes. */
export interface ContactFacts {
  readonly idempotency?: Folded<IdempotencyState>;
  /** With a key: the case this request opens, if an earlier attempt of it got that far. */
  readonly ownCase?: Folded<IntakeCaseState>;
  readonly identities: readonly IdentityFact[];
  readonly customerId: string;
  readonly customer: Folded<CustomerState>;
  readonly thread?: { readonly streamId: string; readonly folded: Folded<ThreadState> };
  /** `ownerId`: the customer whose case the thread is on. */
  readonly threadCase?: ThreadCase & { readonly ownerId: string; readonly customerStreamId: string; readonly customerVersion: number };
}

/**
 * Reads what a contact is decided on. First round trip: the key's record, the identity streams
 * (only those whose owner this replica does not know yet: a claim never changes), the thread, and
 * the customer's stream when the owner is known. A second one only for what the first revealed:
 * the customer's stream of a customer met elsewhere, and the thread's case with its customer.
 */
@Injectable()
export class ContactFactsReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly owners: IdentityOwners,
  ) {}

  /** The streams one attempt reads, each once. */
  snapshot(): StreamSnapshot {
    return new StreamSnapshot(this.store);
  }

  async read(request: ContactRequest, snapshot: StreamSnapshot): Promise<ContactFacts> {
    const keys = recognisedKeysOf(request.contact.requester, request.recognition);
    const threadId = request.contact.threadRef === undefined ? undefined : threadStreamId(request.contact.threadRef);
    await snapshot.ensure([...this.keyedReads(request), ...this.identityReads(keys), threadId]);
    const identities = keys.map((key) => this.identityOf(snapshot, key));
    const { customerId } = recogniseCustomer(identities, request.newCustomerId);
    const thread = threadId === undefined ? undefined : { streamId: threadId, folded: snapshot.fold(threadId, threadDecider) };
    const bound = boundElsewhere(thread?.folded.state, request.caseId);
    // A customer nobody met before has no stream yet: nothing to read.
    const known = identities.some((identity) => identity.owner !== undefined);
    await snapshot.ensure([known ? customerStreamId(customerId) : undefined, ...threadReads(bound)]);
    const threadCase = bound && (await this.threadCase(snapshot, bound, request.caseId));
    return {
      ...this.keyedFacts(request, snapshot),
      identities,
      customerId,
      customer: snapshot.fold(customerStreamId(customerId), customerDecider),
      ...ownThreadOf(customerId, thread, threadCase),
    };
  }

  /**
   * The facts of a contact from a requester this replica has not met, without a thread, presumed
   * on streams that do not exist yet, with no read at all: the key's record, the case this request
   * opens, the identities and a new customer's stream, each empty. Every stream presumed empty is
   * then written expecting no stream (the identities claimed, the customer's first placement, the
   * case opened, the key's record answered), so the one multi-stream append fails as a whole if any
   * of them exists after all, and the contact is read and decided again. Undefined where that
   * guard is missing (a store without multi-stream transactions) or the presumption is usually
   * wrong (a thread, which follow-ups reuse; an identity whose owner this replica knows).
   */
  presumingNew(request: ContactRequest): ContactFacts | undefined {
    if (!this.store.atomicMultiStream || request.contact.threadRef !== undefined) return undefined;
    const keys = recognisedKeysOf(request.contact.requester, request.recognition);
    const identities = keys.map((key) => ({ key, streamId: identityStreamId(key) }));
    if (identities.some(({ streamId }) => this.owners.ownerOf(streamId) !== undefined)) return undefined;
    const { customerId } = recogniseCustomer(identities, request.newCustomerId);
    const none = this.snapshot();
    return { ...this.keyedFacts(request, none), identities, customerId, customer: none.fold(customerStreamId(customerId), customerDecider) };
  }

  /** After a contact was written: its identities' owners are known for good. */
  remember(facts: ContactFacts): void {
    for (const identity of facts.identities) this.owners.remember(identity.streamId, identity.owner ?? facts.customerId);
  }

  /** With a key: its record, and the case this request opens (written already if an earlier attempt got that far). */
  private keyedReads(request: ContactRequest): (string | undefined)[] {
    return request.idempotency ? [request.idempotency.streamId, caseStreamId(request.caseId)] : [];
  }

  private keyedFacts(request: ContactRequest, snapshot: StreamSnapshot): Pick<ContactFacts, 'idempotency' | 'ownCase'> {
    if (!request.idempotency) return {};
    return {
      idempotency: snapshot.fold(request.idempotency.streamId, idempotencyDecider),
      ownCase: snapshot.fold(caseStreamId(request.caseId), intakeCaseDecider),
    };
  }

  /** The identity streams whose owner this replica does not know, and the customer's stream when it knows one. */
  private identityReads(keys: readonly IdentityKey[]): (string | undefined)[] {
    const owners = keys.map((key) => this.owners.ownerOf(identityStreamId(key)));
    const guess = owners.find((owner) => owner !== undefined);
    const unknown = keys.filter((_, index) => owners[index] === undefined).map(identityStreamId);
    return [...unknown, guess === undefined ? undefined : customerStreamId(guess)];
  }

  /**
   * The case to join, read if this contact's reads did not bring it yet; undefined when it was
   * never written (its opener failed). Without multi-stream transactions its opener may still be
   * between the customer's stream and the case: JoinedCaseNotWrittenYet, try again shortly.
   */
  async openCase(snapshot: StreamSnapshot, caseId: string): Promise<Folded<Extract<IntakeCaseState, { status: 'open' }>> | undefined> {
    await snapshot.ensure([caseStreamId(caseId)]);
    const { state, version } = snapshot.fold(caseStreamId(caseId), intakeCaseDecider);
    if (state.status === 'open') return { state, version };
    if (!this.store.atomicMultiStream) throw new JoinedCaseNotWrittenYet(caseId);
    return undefined;
  }

  private identityOf(snapshot: StreamSnapshot, key: IdentityKey): IdentityFact {
    const streamId = identityStreamId(key);
    const known = this.owners.ownerOf(streamId);
    if (known !== undefined) return { key, streamId, owner: known };
    const [claimed] = snapshot.events(streamId);
    const owner = (claimed?.data as IdentityClaimed['data'] | undefined)?.customerId;
    if (owner === undefined) return { key, streamId };
    this.owners.remember(streamId, owner);
    return { key, streamId, owner };
  }

  /**
   * The case the thread is on, with the stream of its customer, which says whether it ended: the
   * thread records that customer since customers were recorded on it (read with this contact's
   * customer); for an older thread it is read from the case, one round trip more.
   */
  private async threadCase(snapshot: StreamSnapshot, bound: Bound, newCaseId: string): Promise<ContactFacts['threadCase']> {
    const caseState = snapshot.fold(caseStreamId(bound.caseId), intakeCaseDecider).state;
    if (caseState.status !== 'open') return undefined;
    const caseCustomer = customerStreamId(caseState.opened.customerId);
    await snapshot.ensure([caseCustomer]);
    const customer = snapshot.fold(caseCustomer, customerDecider);
    const known = threadCaseOf(bound.caseId, newCaseId, { exists: true, customer: customer.state });
    return known && { ...known, ownerId: caseState.opened.customerId, customerStreamId: caseCustomer, customerVersion: customer.version };
  }
}

type Bound = Extract<ThreadState, { status: 'bound' }>;

/** The thread and its case, unless the thread is on another customer's case: then the contact has none. */
const ownThreadOf = (
  customerId: string,
  thread: ContactFacts['thread'],
  threadCase: ContactFacts['threadCase'],
): Pick<ContactFacts, 'thread' | 'threadCase'> => {
  if (threadCase !== undefined && !isOwnThread(threadCase.ownerId, customerId)) return {};
  return { ...(thread ? { thread } : {}), ...(threadCase ? { threadCase } : {}) };
};

/** The thread's case, and its customer's stream when the thread records it. */
const threadReads = (bound: Bound | undefined): (string | undefined)[] =>
  bound ? [caseStreamId(bound.caseId), bound.customerId === undefined ? undefined : customerStreamId(bound.customerId)] : [];

/** The thread's case unless the thread is new or already on the case this very request opens (a retry). */
const boundElsewhere = (thread: ThreadState | undefined, newCaseId: string): Bound | undefined =>
  thread?.status === 'bound' && thread.caseId !== newCaseId ? thread : undefined;
