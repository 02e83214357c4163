/**
 * A routed case's status as every view shows it (REST, gRPC, the workbench): the case decider's own
 * words, the ones its 409s use. QUEUED: in a queue, nobody holds it. ASSIGNED: an agent holds it.
 * COLLABORATING is not among them yet: no read model counts a case's open tasks, so a case with one
 * open shows IN_PROGRESS. Before routing, each service keeps its own word (intake's OPENED and
 * ACKNOWLEDGED, workflow's REGISTERED).
 */
export const CASE_STATUSES = ['QUEUED', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'CANCELLED'] as const;

/**
 * The shown status of a stored one. Read models store ASSIGNED for a case that is only in a queue
 * (the word predates this vocabulary, and queries and partial indexes rely on it); telling the two
 * apart when read needs no migration of stored rows.
 */
export const shownCaseStatus = (stored: string, assignee: string | null): string =>
  stored === 'ASSIGNED' && assignee === null ? 'QUEUED' : stored;
