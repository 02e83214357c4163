// Original file: proto/collab/intake/v1/intake_service.proto

/**
 * CaseStatus follows the case lifecycle: opened → acknowledged → queued → assigned → in progress
 * (⇄ collaborating) → resolved → closed, or cancelled. QUEUED: in a queue, nobody holds it;
 * ASSIGNED: an agent holds it; COLLABORATING: being worked while collaboration tasks it opened are
 * still open. New states are added as new values, never renumbered.
 */
export const CaseStatus = {
  CASE_STATUS_UNSPECIFIED: 'CASE_STATUS_UNSPECIFIED',
  CASE_STATUS_OPENED: 'CASE_STATUS_OPENED',
  CASE_STATUS_ACKNOWLEDGED: 'CASE_STATUS_ACKNOWLEDGED',
  CASE_STATUS_ASSIGNED: 'CASE_STATUS_ASSIGNED',
  CASE_STATUS_IN_PROGRESS: 'CASE_STATUS_IN_PROGRESS',
  CASE_STATUS_RESOLVED: 'CASE_STATUS_RESOLVED',
  CASE_STATUS_CLOSED: 'CASE_STATUS_CLOSED',
  CASE_STATUS_CANCELLED: 'CASE_STATUS_CANCELLED',
  CASE_STATUS_QUEUED: 'CASE_STATUS_QUEUED',
  CASE_STATUS_COLLABORATING: 'CASE_STATUS_COLLABORATING',
} as const;

/**
 * CaseStatus follows the case lifecycle: opened → acknowledged → queued → assigned → in progress
 * (⇄ collaborating) → resolved → closed, or cancelled. QUEUED: in a queue, nobody holds it;
 * ASSIGNED: an agent holds it; COLLABORATING: being worked while collaboration tasks it opened are
 * still open. New states are added as new values, never renumbered.
 */
export type CaseStatus =
  | 'CASE_STATUS_UNSPECIFIED'
  | 0
  | 'CASE_STATUS_OPENED'
  | 1
  | 'CASE_STATUS_ACKNOWLEDGED'
  | 2
  | 'CASE_STATUS_ASSIGNED'
  | 3
  | 'CASE_STATUS_IN_PROGRESS'
  | 4
  | 'CASE_STATUS_RESOLVED'
  | 5
  | 'CASE_STATUS_CLOSED'
  | 6
  | 'CASE_STATUS_CANCELLED'
  | 7
  | 'CASE_STATUS_QUEUED'
  | 8
  | 'CASE_STATUS_COLLABORATING'
  | 9

/**
 * CaseStatus follows the case lifecycle: opened → acknowledged → queued → assigned → in progress
 * (⇄ collaborating) → resolved → closed, or cancelled. QUEUED: in a queue, nobody holds it;
 * ASSIGNED: an agent holds it; COLLABORATING: being worked while collaboration tasks it opened are
 * still open. New states are added as new values, never renumbered.
 */
export type CaseStatus__Output = typeof CaseStatus[keyof typeof CaseStatus]
