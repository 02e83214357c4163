// Original file: proto/collab/kpi/v1/kpi_service.proto


export interface ListKpisRequest {
}

export interface ListKpisRequest__Output {
}
