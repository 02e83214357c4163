import { CASE_STATUSES, OPEN_TASK_STATUSES, type CaseStatus, type TaskStatusWord } from '@collab/domain-kernel';
import { UNROUTED_CASE_STATUSES, type UnroutedCaseStatus } from '../facts/fact-store';

/** Every word a case's status may show in data's answers: intake's before routing, then the shared ones. */
export const SHOWN_CASE_STATUSES = [...UNROUTED_CASE_STATUSES, ...CASE_STATUSES] as const;
export type ShownCaseStatus = UnroutedCaseStatus | CaseStatus;

const isShown = (word: string): word is ShownCaseStatus => (SHOWN_CASE_STATUSES as readonly string[]).includes(word);

/** A task still waiting on its target: it keeps its case COLLABORATING. */
export const isOpenTask = (status: TaskStatusWord): boolean => (OPEN_TASK_STATUSES as readonly string[]).includes(status);

/**
 * The status a case shows, as shownCaseStatus in the domain kernel tells it: a case being worked
 * while tasks it asked for are open is COLLABORATING. The fact store stores a queued case as QUEUED
 * (not as ASSIGNED without a holder), so no holder is needed; a case intake alone has told of is OPENED.
 */
export const shownCaseStatus = (stored: string | null, openTasks: number): ShownCaseStatus => {
  const status = stored ?? 'OPENED';
  if (!isShown(status)) throw new Error(`data.case_dim holds a status outside the shared vocabulary: ${status}`);
  return status === 'IN_PROGRESS' && openTasks > 0 ? 'COLLABORATING' : status;
};
