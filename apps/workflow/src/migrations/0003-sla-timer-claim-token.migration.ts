import { sqlMigration } from '@collab/service-kit';

/**
 * Each claim of an SLA timer names the fencing token of the dispatcher's lease term that made it
 * (`claimed_by`). A replica that takes the lease `workflow.sla-timers` over takes the claims of
 * older terms at once — a dead owner's claims no longer hold its timers back for the claim's whole
 * minute — and a term that has ended can neither claim nor settle a timer. Rows of older releases
 * have no token: their claims run out by `claimed_until` as before.
 */
export const SlaTimerClaimToken = sqlMigration('SlaTimerClaimToken1796601660000', [
  'alter table workflow.sla_timer add column if not exists claimed_by bigint',
]);
