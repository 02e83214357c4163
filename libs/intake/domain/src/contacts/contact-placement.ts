import type { JoinReason } from '../case.events';
import { hasEnded, recentOpenCase, type CustomerState } from '../customers/customer.decider';
import type { IdentityKey } from '../customers/identity';

/** `previousCaseId`: the contact came on the thread of this case, which had ended, so it went elsewhere. */
export type Placement =
  | { readonly kind: 'open'; readonly caseId: string; readonly previousCaseId?: string }
  | { readonly kind: 'join'; readonly caseId: string; readonly reason: JoinReason; readonly previousCaseId?: string };

export interface KnownIdentity {
  readonly key: IdentityKey;
  /** The customer who claimed it, when any channel met it before. */
  readonly owner?: string;
}

/**
 * One customer across channels: the strongest key already claimed decides who the requester is
 * (customer id, then phone, then email); with none claimed it is a new customer. The keys nobody
 * claimed yet are claimed for that customer.
 */
export const recogniseCustomer = (
  identities: readonly KnownIdentity[],
  newCustomerId: string,
): { readonly customerId: string; readonly unclaimed: readonly IdentityKey[] } => ({
  customerId: identities.find((identity) => identity.owner !== undefined)?.owner ?? newCustomerId,
  unclaimed: identities.filter((identity) => identity.owner === undefined).map((identity) => identity.key),
});

/** The case a contact's thread is on, as far as placement cares: whether workflow ended it. */
export interface ThreadCase {
  readonly caseId: string;
  readonly ended: boolean;
}

/**
 * The thread's case for placement: none when the thread is new, is on the case this very request
 * opens (a retry), or names a case that was never written (its opener failed); otherwise whether
 * the customer's stream of that case says it ended.
 */
export const threadCaseOf = (
  boundCaseId: string | undefined,
  newCaseId: string,
  known: { readonly exists: boolean; readonly customer?: CustomerState },
): ThreadCase | undefined => {
  if (boundCaseId === undefined || boundCaseId === newCaseId || !known.exists) return undefined;
  return { caseId: boundCaseId, ended: known.customer !== undefined && hasEnded(known.customer, boundCaseId) };
};

/**
 * A thread belongs to the customer whose case it is on. Another customer's contact carrying its
 * reference is placed as if it had no thread — it neither joins nor moves the thread, and nothing
 * in its answer says the thread exists — so a guessed or leaked reference reaches no one's case.
 */
export const isOwnThread = (threadCustomerId: string, contactCustomerId: string): boolean =>
  threadCustomerId === contactCustomerId;

export interface PlacementRequest {
  /** The id a new case gets. */
  readonly newCaseId: string;
  readonly category: string;
  readonly windowMinutes: number;
  readonly threadCase?: ThreadCase;
  /** The contact's customer's stream, folded. */
  readonly customer: CustomerState;
}

/**
 * Whether the contact opens a case or joins one: its thread's case first, unless that case ended;
 * then a case the same customer opened (or had reopened) in the same category within the join
 * window; otherwise a new case. A contact on an ended case's thread is placed as if it had no
 * thread, and says which case the thread was on.
 */
export const placeContact = (request: PlacementRequest, now: Date): Placement => {
  const { threadCase } = request;
  if (threadCase && !threadCase.ended) return { kind: 'join', caseId: threadCase.caseId, reason: 'THREAD' };
  const previous = threadCase ? { previousCaseId: threadCase.caseId } : {};
  const recent = recentOpenCase(request.customer, request.category, request.windowMinutes, now);
  // A retry of this very request finds its own new case recorded: it opens it (again), it does not join it.
  if (recent && recent.caseId !== request.newCaseId)
    return { kind: 'join', caseId: recent.caseId, reason: 'SAME_CUSTOMER_AND_CATEGORY', ...previous };
  return { kind: 'open', caseId: request.newCaseId, ...previous };
};
