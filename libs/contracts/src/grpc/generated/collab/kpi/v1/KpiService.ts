// Original file: proto/collab/kpi/v1/kpi_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetKpiRequest as _collab_kpi_v1_GetKpiRequest, GetKpiRequest__Output as _collab_kpi_v1_GetKpiRequest__Output } from '../../../collab/kpi/v1/GetKpiRequest';
import type { GetKpiResponse as _collab_kpi_v1_GetKpiResponse, GetKpiResponse__Output as _collab_kpi_v1_GetKpiResponse__Output } from '../../../collab/kpi/v1/GetKpiResponse';
import type { GetScorecardRequest as _collab_kpi_v1_GetScorecardRequest, GetScorecardRequest__Output as _collab_kpi_v1_GetScorecardRequest__Output } from '../../../collab/kpi/v1/GetScorecardRequest';
import type { GetScorecardResponse as _collab_kpi_v1_GetScorecardResponse, GetScorecardResponse__Output as _collab_kpi_v1_GetScorecardResponse__Output } from '../../../collab/kpi/v1/GetScorecardResponse';
import type { GetValuesRequest as _collab_kpi_v1_GetValuesRequest, GetValuesRequest__Output as _collab_kpi_v1_GetValuesRequest__Output } from '../../../collab/kpi/v1/GetValuesRequest';
import type { GetValuesResponse as _collab_kpi_v1_GetValuesResponse, GetValuesResponse__Output as _collab_kpi_v1_GetValuesResponse__Output } from '../../../collab/kpi/v1/GetValuesResponse';
import type { ListKpisRequest as _collab_kpi_v1_ListKpisRequest, ListKpisRequest__Output as _collab_kpi_v1_ListKpisRequest__Output } from '../../../collab/kpi/v1/ListKpisRequest';
import type { ListKpisResponse as _collab_kpi_v1_ListKpisResponse, ListKpisResponse__Output as _collab_kpi_v1_ListKpisResponse__Output } from '../../../collab/kpi/v1/ListKpisResponse';

/**
 * KpiService answers questions about the KPI library (统一管理) for other services and partner
 * systems: the definitions, a KPI's values by bucket, and scorecards against targets. The answers
 * are REST's (/api/v1/kpis). Callers authenticate with a Bearer JWT in the `authorization` metadata;
 * staff and analysts read every figure, a department its own unit's and the units below it, a
 * partner only its own (PERMISSION_DENIED otherwise). Enumerated values are the names REST uses.
 */
export interface KpiServiceClient extends grpc.Client {
  /**
   * GetKpi returns one KPI in its newest version, with the numbers of all its versions.
   */
  GetKpi(argument: _collab_kpi_v1_GetKpiRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_kpi_v1_GetKpiResponse__Output>): grpc.ClientUnaryCall;
  GetKpi(argument: _collab_kpi_v1_GetKpiRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_kpi_v1_GetKpiResponse__Output>): grpc.ClientUnaryCall;
  GetKpi(argument: _collab_kpi_v1_GetKpiRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_kpi_v1_GetKpiResponse__Output>): grpc.ClientUnaryCall;
  GetKpi(argument: _collab_kpi_v1_GetKpiRequest, callback: grpc.requestCallback<_collab_kpi_v1_GetKpiResponse__Output>): grpc.ClientUnaryCall;
  /**
   * GetKpi returns one KPI in its newest version, with the numbers of all its versions.
   */
  getKpi(argument: _collab_kpi_v1_GetKpiRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_kpi_v1_GetKpiResponse__Output>): grpc.ClientUnaryCall;
  getKpi(argument: _collab_kpi_v1_GetKpiRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_kpi_v1_GetKpiResponse__Output>): grpc.ClientUnaryCall;
  getKpi(argument: _collab_kpi_v1_GetKpiRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_kpi_v1_GetKpiResponse__Output>): grpc.ClientUnaryCall;
  getKpi(argument: _collab_kpi_v1_GetKpiRequest, callback: grpc.requestCallback<_collab_kpi_v1_GetKpiResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetScorecard returns a unit's, partner's or channel's month against its KPIs' targets.
   */
  GetScorecard(argument: _collab_kpi_v1_GetScorecardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_kpi_v1_GetScorecardResponse__Output>): grpc.ClientUnaryCall;
  GetScorecard(argument: _collab_kpi_v1_GetScorecardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_kpi_v1_GetScorecardResponse__Output>): grpc.ClientUnaryCall;
  GetScorecard(argument: _collab_kpi_v1_GetScorecardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_kpi_v1_GetScorecardResponse__Output>): grpc.ClientUnaryCall;
  GetScorecard(argument: _collab_kpi_v1_GetScorecardRequest, callback: grpc.requestCallback<_collab_kpi_v1_GetScorecardResponse__Output>): grpc.ClientUnaryCall;
  /**
   * GetScorecard returns a unit's, partner's or channel's month against its KPIs' targets.
   */
  getScorecard(argument: _collab_kpi_v1_GetScorecardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_kpi_v1_GetScorecardResponse__Output>): grpc.ClientUnaryCall;
  getScorecard(argument: _collab_kpi_v1_GetScorecardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_kpi_v1_GetScorecardResponse__Output>): grpc.ClientUnaryCall;
  getScorecard(argument: _collab_kpi_v1_GetScorecardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_kpi_v1_GetScorecardResponse__Output>): grpc.ClientUnaryCall;
  getScorecard(argument: _collab_kpi_v1_GetScorecardRequest, callback: grpc.requestCallback<_collab_kpi_v1_GetScorecardResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetValues returns a KPI's values by bucket, naming the definition version used.
   */
  GetValues(argument: _collab_kpi_v1_GetValuesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_kpi_v1_GetValuesResponse__Output>): grpc.ClientUnaryCall;
  GetValues(argument: _collab_kpi_v1_GetValuesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_kpi_v1_GetValuesResponse__Output>): grpc.ClientUnaryCall;
  GetValues(argument: _collab_kpi_v1_GetValuesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_kpi_v1_GetValuesResponse__Output>): grpc.ClientUnaryCall;
  GetValues(argument: _collab_kpi_v1_GetValuesRequest, callback: grpc.requestCallback<_collab_kpi_v1_GetValuesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * GetValues returns a KPI's values by bucket, naming the definition version used.
   */
  getValues(argument: _collab_kpi_v1_GetValuesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_kpi_v1_GetValuesResponse__Output>): grpc.ClientUnaryCall;
  getValues(argument: _collab_kpi_v1_GetValuesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_kpi_v1_GetValuesResponse__Output>): grpc.ClientUnaryCall;
  getValues(argument: _collab_kpi_v1_GetValuesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_kpi_v1_GetValuesResponse__Output>): grpc.ClientUnaryCall;
  getValues(argument: _collab_kpi_v1_GetValuesRequest, callback: grpc.requestCallback<_collab_kpi_v1_GetValuesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListKpis returns every KPI in its newest version, retired ones included.
   */
  ListKpis(argument: _collab_kpi_v1_ListKpisRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_kpi_v1_ListKpisResponse__Output>): grpc.ClientUnaryCall;
  ListKpis(argument: _collab_kpi_v1_ListKpisRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_kpi_v1_ListKpisResponse__Output>): grpc.ClientUnaryCall;
  ListKpis(argument: _collab_kpi_v1_ListKpisRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_kpi_v1_ListKpisResponse__Output>): grpc.ClientUnaryCall;
  ListKpis(argument: _collab_kpi_v1_ListKpisRequest, callback: grpc.requestCallback<_collab_kpi_v1_ListKpisResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListKpis returns every KPI in its newest version, retired ones included.
   */
  listKpis(argument: _collab_kpi_v1_ListKpisRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_kpi_v1_ListKpisResponse__Output>): grpc.ClientUnaryCall;
  listKpis(argument: _collab_kpi_v1_ListKpisRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_kpi_v1_ListKpisResponse__Output>): grpc.ClientUnaryCall;
  listKpis(argument: _collab_kpi_v1_ListKpisRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_kpi_v1_ListKpisResponse__Output>): grpc.ClientUnaryCall;
  listKpis(argument: _collab_kpi_v1_ListKpisRequest, callback: grpc.requestCallback<_collab_kpi_v1_ListKpisResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * KpiService answers questions about the KPI library (统一管理) for other services and partner
 * systems: the definitions, a KPI's values by bucket, and scorecards against targets. The answers
 * are REST's (/api/v1/kpis). Callers authenticate with a Bearer JWT in the `authorization` metadata;
 * staff and analysts read every figure, a department its own unit's and the units below it, a
 * partner only its own (PERMISSION_DENIED otherwise). Enumerated values are the names REST uses.
 */
export interface KpiServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * GetKpi returns one KPI in its newest version, with the numbers of all its versions.
   */
  GetKpi: grpc.handleUnaryCall<_collab_kpi_v1_GetKpiRequest__Output, _collab_kpi_v1_GetKpiResponse>;
  
  /**
   * GetScorecard returns a unit's, partner's or channel's month against its KPIs' targets.
   */
  GetScorecard: grpc.handleUnaryCall<_collab_kpi_v1_GetScorecardRequest__Output, _collab_kpi_v1_GetScorecardResponse>;
  
  /**
   * GetValues returns a KPI's values by bucket, naming the definition version used.
   */
  GetValues: grpc.handleUnaryCall<_collab_kpi_v1_GetValuesRequest__Output, _collab_kpi_v1_GetValuesResponse>;
  
  /**
   * ListKpis returns every KPI in its newest version, retired ones included.
   */
  ListKpis: grpc.handleUnaryCall<_collab_kpi_v1_ListKpisRequest__Output, _collab_kpi_v1_ListKpisResponse>;
  
}

export interface KpiServiceDefinition extends grpc.ServiceDefinition {
  GetKpi: MethodDefinition<_collab_kpi_v1_GetKpiRequest, _collab_kpi_v1_GetKpiResponse, _collab_kpi_v1_GetKpiRequest__Output, _collab_kpi_v1_GetKpiResponse__Output>
  GetScorecard: MethodDefinition<_collab_kpi_v1_GetScorecardRequest, _collab_kpi_v1_GetScorecardResponse, _collab_kpi_v1_GetScorecardRequest__Output, _collab_kpi_v1_GetScorecardResponse__Output>
  GetValues: MethodDefinition<_collab_kpi_v1_GetValuesRequest, _collab_kpi_v1_GetValuesResponse, _collab_kpi_v1_GetValuesRequest__Output, _collab_kpi_v1_GetValuesResponse__Output>
  ListKpis: MethodDefinition<_collab_kpi_v1_ListKpisRequest, _collab_kpi_v1_ListKpisResponse, _collab_kpi_v1_ListKpisRequest__Output, _collab_kpi_v1_ListKpisResponse__Output>
}
