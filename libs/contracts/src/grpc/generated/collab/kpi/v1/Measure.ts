// Original file: proto/collab/kpi/v1/kpi_service.proto

import type { FactSelector as _collab_kpi_v1_FactSelector, FactSelector__Output as _collab_kpi_v1_FactSelector__Output } from '../../../collab/kpi/v1/FactSelector';
import type { FollowUp as _collab_kpi_v1_FollowUp, FollowUp__Output as _collab_kpi_v1_FollowUp__Output } from '../../../collab/kpi/v1/FollowUp';

/**
 * Measure: `kind` says which fields are set — count (of, unless_followed_by), rate (numerator, denominator),
 * average (of, attribute), duration (from, to, statistic, time, until), level (up, down).
 */
export interface Measure {
  'kind'?: (string);
  'of'?: (_collab_kpi_v1_FactSelector | null);
  'numerator'?: (_collab_kpi_v1_FactSelector | null);
  'denominator'?: (_collab_kpi_v1_FactSelector | null);
  'attribute'?: (string);
  'from'?: (_collab_kpi_v1_FactSelector | null);
  'to'?: (_collab_kpi_v1_FactSelector | null);
  /**
   * AVERAGE, P50 or P90.
   */
  'statistic'?: (string);
  /**
   * calendar or business.
   */
  'time'?: (string);
  /**
   * first or last.
   */
  'until'?: (string);
  'up'?: (_collab_kpi_v1_FactSelector | null);
  'down'?: (_collab_kpi_v1_FactSelector | null);
  'unlessFollowedBy'?: (_collab_kpi_v1_FollowUp | null);
}

/**
 * Measure: `kind` says which fields are set — count (of, unless_followed_by), rate (numerator, denominator),
 * average (of, attribute), duration (from, to, statistic, time, until), level (up, down).
 */
export interface Measure__Output {
  'kind': (string);
  'of': (_collab_kpi_v1_FactSelector__Output | null);
  'numerator': (_collab_kpi_v1_FactSelector__Output | null);
  'denominator': (_collab_kpi_v1_FactSelector__Output | null);
  'attribute': (string);
  'from': (_collab_kpi_v1_FactSelector__Output | null);
  'to': (_collab_kpi_v1_FactSelector__Output | null);
  /**
   * AVERAGE, P50 or P90.
   */
  'statistic': (string);
  /**
   * calendar or business.
   */
  'time': (string);
  /**
   * first or last.
   */
  'until': (string);
  'up': (_collab_kpi_v1_FactSelector__Output | null);
  'down': (_collab_kpi_v1_FactSelector__Output | null);
  'unlessFollowedBy': (_collab_kpi_v1_FollowUp__Output | null);
}
