/*
 * The customer's stream (`customer-<customerId>`): which of their cases a new contact may still
 * join. Intake's own bookkeeping for placing contacts; analysts read the case's fate from
 * workflow's CaseClosed, CaseCancelled and CaseReopened, so these stay inside intake.
 */

/** A case opened for this customer: what the join window looks at. */
export interface CaseOpenedForCustomer {
  readonly type: 'CaseOpenedForCustomer';
  readonly data: { readonly customerId: string; readonly caseId: string; readonly category: string; readonly openedAt: string };
}

/** How a case ended, as workflow reported it. */
export type CaseEnding = 'CLOSED' | 'CANCELLED';

/**
 * Workflow closed or cancelled the case: no later contact joins it, neither by the join window
 * nor by its thread. `workflowVersion` is the version of workflow's case stream that reported it,
 * so a redelivered or older report changes nothing. A resolved case is not ended: a contact
 * right after a resolution is most often about it.
 */
export interface CustomerCaseEnded {
  readonly type: 'CustomerCaseEnded';
  readonly data: {
    readonly customerId: string;
    readonly caseId: string;
    readonly ending: CaseEnding;
    readonly endedAt: string;
    readonly workflowVersion: number;
  };
}

/**
 * Workflow reopened a closed case: contacts join it again, and the join window counts from the
 * reopening (the customer is back on the matter now, whenever it was first opened).
 */
export interface CustomerCaseReopened {
  readonly type: 'CustomerCaseReopened';
  readonly data: {
    readonly customerId: string;
    readonly caseId: string;
    readonly category: string;
    readonly reopenedAt: string;
    readonly workflowVersion: number;
  };
}

export type CustomerEvent = CaseOpenedForCustomer | CustomerCaseEnded | CustomerCaseReopened;
