// Original file: proto/collab/kpi/v1/kpi_service.proto

import type { Scorecard as _collab_kpi_v1_Scorecard, Scorecard__Output as _collab_kpi_v1_Scorecard__Output } from '../../../collab/kpi/v1/Scorecard';

export interface GetScorecardResponse {
  'scorecard'?: (_collab_kpi_v1_Scorecard | null);
}

export interface GetScorecardResponse__Output {
  'scorecard': (_collab_kpi_v1_Scorecard__Output | null);
}
