// Original file: proto/collab/kpi/v1/kpi_service.proto


export interface GetKpiRequest {
  'kpiId'?: (string);
}

export interface GetKpiRequest__Output {
  'kpiId': (string);
}
