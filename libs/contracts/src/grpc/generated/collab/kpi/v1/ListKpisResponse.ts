// Original file: proto/collab/kpi/v1/kpi_service.proto

import type { Kpi as _collab_kpi_v1_Kpi, Kpi__Output as _collab_kpi_v1_Kpi__Output } from '../../../collab/kpi/v1/Kpi';

export interface ListKpisResponse {
  'kpis'?: (_collab_kpi_v1_Kpi)[];
}

export interface ListKpisResponse__Output {
  'kpis': (_collab_kpi_v1_Kpi__Output)[];
}
