/**
 * A routed case's status as every view shows it (REST, gRPC, the workbench): the case decider's own
 * words, the ones its 409s use. QUEUED: in a queue, nobody holds it. ASSIGNED: an agent holds it.
 * COLLABORATING: being worked, with collaboration tasks the case has not yet seen end (the decider
 * refuses resolving or transferring it until they do). Before routing, each service keeps its own
 * word (intake's OPENED and ACKNOWLEDGED, workflow's REGISTERED).
 */
export const CASE_STATUSES = ['QUEUED', 'ASSIGNED', 'IN_PROGRESS', 'COLLABORATING', 'RESOLVED', 'CLOSED', 'CANCELLED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * The shown status of a stored one. Read models store ASSIGNED for a case that is only in a queue
 * (the word predates this vocabulary, and queries and partial indexes rely on it), and IN_PROGRESS
 * for a case being worked whether or not it waits on its tasks; with the holder and the count of
 * the case's open collaboration tasks beside it, the decider's word is told apart when read, and
 * stored statuses need no migration.
 */
export const shownCaseStatus = (stored: string, assignee: string | null, openTasks: number): string => {
  if (stored === 'ASSIGNED' && assignee === null) return 'QUEUED';
  return stored === 'IN_PROGRESS' && openTasks > 0 ? 'COLLABORATING' : stored;
};
