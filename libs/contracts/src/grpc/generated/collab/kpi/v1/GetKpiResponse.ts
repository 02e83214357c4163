// Original file: proto/collab/kpi/v1/kpi_service.proto

import type { Kpi as _collab_kpi_v1_Kpi, Kpi__Output as _collab_kpi_v1_Kpi__Output } from '../../../collab/kpi/v1/Kpi';

export interface GetKpiResponse {
  'kpi'?: (_collab_kpi_v1_Kpi | null);
}

export interface GetKpiResponse__Output {
  'kpi': (_collab_kpi_v1_Kpi__Output | null);
}
