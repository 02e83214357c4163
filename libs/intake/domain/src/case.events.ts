import type { Contact } from './contact';

/** A contact from a channel opened a new case: the first phase of service (initiation). */
export interface CaseOpened {
  readonly type: 'CaseOpened';
  readonly data: Contact & {
    readonly caseId: string;
    readonly caseNumber: string;
    readonly customerId: string;
    readonly openedAt: string;
  };
}

/**
 * Whether the promised times fall within the calendar's announced holidays: past them, the
 * calendar knows only its rule-based holidays and the promise may move when the next year's are
 * announced — and the requester is told so.
 */
export interface PromiseCoverage {
  readonly complete: boolean;
  /** The last date the calendar's announced holidays cover; null for a calendar of rules only. */
  readonly announcedThrough: string | null;
  /** Said in words when incomplete; null otherwise. */
  readonly warning: string | null;
}

/**
 * The promise made at once to the requester: a case number and honest expected times. Schema
 * version 2 adds `coverage`; a version 1 acknowledgement did not record it and reads as null.
 */
export interface CaseAcknowledged {
  readonly type: 'CaseAcknowledged';
  readonly data: {
    readonly caseId: string;
    readonly caseNumber: string;
    readonly acknowledgedAt: string;
    readonly expectedFirstResponseAt: string;
    readonly expectedResolutionAt: string;
    /** The business calendar the times were computed on. */
    readonly calendarId: string;
    readonly coverage: PromiseCoverage | null;
  };
}

/** Why a contact joined a case instead of opening one. */
export type JoinReason = 'THREAD' | 'SAME_CUSTOMER_AND_CATEGORY';

/** Another contact about an open case: same thread, or the same customer and category within the window. */
export interface ContactAppended {
  readonly type: 'ContactAppended';
  readonly data: { readonly caseId: string; readonly contact: Contact; readonly reason: JoinReason; readonly appendedAt: string };
}

export type IntakeCaseEvent = CaseOpened | CaseAcknowledged | ContactAppended;

/** Every event of an intake case stream (what intake's case record follows). */
export const INTAKE_CASE_EVENT_TYPES: readonly IntakeCaseEvent['type'][] = ['CaseOpened', 'CaseAcknowledged', 'ContactAppended'];
