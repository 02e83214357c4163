// Original file: proto/collab/kpi/v1/kpi_service.proto

import type { KpiSeries as _collab_kpi_v1_KpiSeries, KpiSeries__Output as _collab_kpi_v1_KpiSeries__Output } from '../../../collab/kpi/v1/KpiSeries';

export interface GetValuesResponse {
  'series'?: (_collab_kpi_v1_KpiSeries | null);
}

export interface GetValuesResponse__Output {
  'series': (_collab_kpi_v1_KpiSeries__Output | null);
}
