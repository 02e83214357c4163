import type { Actor, RequestOrigin } from '@collab/event-store';
import type { JoinReason, PromiseCoverage, Submitter } from '@collab/intake-domain';
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

/** The promise made at acknowledgement, repeated to every contact that joins the case. */
export interface Acknowledgement {
  readonly acknowledgedAt: string;
  readonly expectedFirstResponseAt: string;
  readonly expectedResolutionAt: string;
  readonly calendarId: string;
  /**
   * Whether the times fall within the calendar's announced holidays; incomplete, the promise may
   * move when the next year's holidays are announced. Null for a case acknowledged before it was recorded.
   */
  readonly coverage: PromiseCoverage | null;
}

/** The answer to a contact: which case it is in, and what the requester may expect. */
export interface ContactAccepted {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly contactId: string;
  readonly customerId: string;
  readonly status: 'ACKNOWLEDGED';
  readonly joinedExistingCase: boolean;
  readonly joinReason?: JoinReason;
  /** The case the contact's thread belonged to, which had ended (closed or cancelled): the contact did not join it. */
  readonly previousCaseId?: string;
  readonly acknowledgement: Acknowledgement;
}
