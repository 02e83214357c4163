import type { Contact } from './contact';

/** A contact that became a new case: the first phase of service (initiation). */
export interface CaseOpened {
  readonly type: 'CaseOpened';
  readonly data: Contact & { readonly caseId: string; readonly openedAt: string };
}

export type IntakeCaseEvent = CaseOpened;
