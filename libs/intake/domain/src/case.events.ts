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

/** The promise made at once to the requester: a case number and honest expected times. */
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
    /** Whether its announced holidays cover the times; absent on acknowledgements stored before it was recorded. */
    readonly coverage?: PromiseCoverage;
  };
}

/** Whether a promise was counted within its calendar's announced holidays (libs/business-calendar's CalendarCoverage). */
export interface PromiseCoverage {
  readonly complete: boolean;
  readonly announcedThrough?: string;
  readonly warning?: string;
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
