/**
 * What one fact records: one business event of a case, a collaboration task or an article. Each
 * published event the data service reads becomes at most one fact, keyed by the event's id.
 */
export const FACT_KINDS = [
  'CASE_OPENED',
  'CONTACT_APPENDED',
  'CASE_ACKNOWLEDGED',
  'CASE_QUEUED',
  'CASE_RESOLVED',
  'CASE_CLOSED',
  'CASE_CANCELLED',
  'CASE_REOPENED',
  'TASK_REQUESTED',
  'TASK_ACCEPTED',
  'TASK_COMPLETED',
  'TASK_RETURNED',
  'SLA_WARNING',
  'SLA_BREACHED',
  'PING_PONG',
  'FEEDBACK',
  'ARTICLE_PUBLISHED',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];
