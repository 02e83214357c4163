import type { RoutingFacts } from './routing';

/** What workflow keeps of an opened case: enough to route, show and measure it. */
export interface CaseSummary extends RoutingFacts {
  readonly caseId: string;
  readonly subject: string;
  readonly description: string;
  readonly requesterId?: string;
  readonly requesterPartner?: string;
  readonly requesterUnit?: string;
  readonly openedAt: string;
}

/** Workflow took over a case that intake opened. */
export interface CaseRegistered {
  readonly type: 'CaseRegistered';
  readonly data: CaseSummary;
}

/** The case was put in a queue, by which rule. */
export interface CaseAssigned {
  readonly type: 'CaseAssigned';
  readonly data: { readonly caseId: string; readonly queue: string; readonly ruleId: string; readonly assignedAt: string };
}

export type WorkflowCaseEvent = CaseRegistered | CaseAssigned;
