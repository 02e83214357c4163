// Original file: proto/collab/kpi/v1/kpi_service.proto

import type { FactSelector as _collab_kpi_v1_FactSelector, FactSelector__Output as _collab_kpi_v1_FactSelector__Output } from '../../../collab/kpi/v1/FactSelector';

/**
 * FollowUp: a count takes out the facts the same customer followed up with a fact of `of` within
 * `within_minutes` after them (knowledge deflection: a case opened within 72 hours).
 */
export interface FollowUp {
  'of'?: (_collab_kpi_v1_FactSelector | null);
  'withinMinutes'?: (number);
}

/**
 * FollowUp: a count takes out the facts the same customer followed up with a fact of `of` within
 * `within_minutes` after them (knowledge deflection: a case opened within 72 hours).
 */
export interface FollowUp__Output {
  'of': (_collab_kpi_v1_FactSelector__Output | null);
  'withinMinutes': (number);
}
