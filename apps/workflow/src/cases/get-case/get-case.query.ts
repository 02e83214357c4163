import type { Principal } from '@collab/service-kit';

export class GetCase {
  constructor(
    readonly caseId: string,
    readonly viewer: Principal,
    /** The case as it was at this moment, folded from the events that had happened by then. */
    readonly asOf?: Date,
  ) {}
}

/** The case as GET /api/v1/cases/{id} shows it (staff see how it is worked, its requester see their case): the answer schemas' types. */
export type { CaseDetails, StaffCaseDetails } from '../case.answers';
