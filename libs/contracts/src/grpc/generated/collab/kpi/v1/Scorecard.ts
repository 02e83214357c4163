// Original file: proto/collab/kpi/v1/kpi_service.proto

import type { ScorecardLine as _collab_kpi_v1_ScorecardLine, ScorecardLine__Output as _collab_kpi_v1_ScorecardLine__Output } from '../../../collab/kpi/v1/ScorecardLine';

export interface Scorecard {
  'scope'?: (string);
  /**
   * YYYY-MM (UTC).
   */
  'month'?: (string);
  'lines'?: (_collab_kpi_v1_ScorecardLine)[];
}

export interface Scorecard__Output {
  'scope': (string);
  /**
   * YYYY-MM (UTC).
   */
  'month': (string);
  'lines': (_collab_kpi_v1_ScorecardLine__Output)[];
}
