import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { FactSelector as _collab_kpi_v1_FactSelector, FactSelector__Output as _collab_kpi_v1_FactSelector__Output } from './collab/kpi/v1/FactSelector';
import type { Filter as _collab_kpi_v1_Filter, Filter__Output as _collab_kpi_v1_Filter__Output } from './collab/kpi/v1/Filter';
import type { FollowUp as _collab_kpi_v1_FollowUp, FollowUp__Output as _collab_kpi_v1_FollowUp__Output } from './collab/kpi/v1/FollowUp';
import type { GetKpiRequest as _collab_kpi_v1_GetKpiRequest, GetKpiRequest__Output as _collab_kpi_v1_GetKpiRequest__Output } from './collab/kpi/v1/GetKpiRequest';
import type { GetKpiResponse as _collab_kpi_v1_GetKpiResponse, GetKpiResponse__Output as _collab_kpi_v1_GetKpiResponse__Output } from './collab/kpi/v1/GetKpiResponse';
import type { GetScorecardRequest as _collab_kpi_v1_GetScorecardRequest, GetScorecardRequest__Output as _collab_kpi_v1_GetScorecardRequest__Output } from './collab/kpi/v1/GetScorecardRequest';
import type { GetScorecardResponse as _collab_kpi_v1_GetScorecardResponse, GetScorecardResponse__Output as _collab_kpi_v1_GetScorecardResponse__Output } from './collab/kpi/v1/GetScorecardResponse';
import type { GetValuesRequest as _collab_kpi_v1_GetValuesRequest, GetValuesRequest__Output as _collab_kpi_v1_GetValuesRequest__Output } from './collab/kpi/v1/GetValuesRequest';
import type { GetValuesResponse as _collab_kpi_v1_GetValuesResponse, GetValuesResponse__Output as _collab_kpi_v1_GetValuesResponse__Output } from './collab/kpi/v1/GetValuesResponse';
import type { Kpi as _collab_kpi_v1_Kpi, Kpi__Output as _collab_kpi_v1_Kpi__Output } from './collab/kpi/v1/Kpi';
import type { KpiSeries as _collab_kpi_v1_KpiSeries, KpiSeries__Output as _collab_kpi_v1_KpiSeries__Output } from './collab/kpi/v1/KpiSeries';
import type { KpiServiceClient as _collab_kpi_v1_KpiServiceClient, KpiServiceDefinition as _collab_kpi_v1_KpiServiceDefinition } from './collab/kpi/v1/KpiService';
import type { ListKpisRequest as _collab_kpi_v1_ListKpisRequest, ListKpisRequest__Output as _collab_kpi_v1_ListKpisRequest__Output } from './collab/kpi/v1/ListKpisRequest';
import type { ListKpisResponse as _collab_kpi_v1_ListKpisResponse, ListKpisResponse__Output as _collab_kpi_v1_ListKpisResponse__Output } from './collab/kpi/v1/ListKpisResponse';
import type { Measure as _collab_kpi_v1_Measure, Measure__Output as _collab_kpi_v1_Measure__Output } from './collab/kpi/v1/Measure';
import type { Names as _collab_kpi_v1_Names, Names__Output as _collab_kpi_v1_Names__Output } from './collab/kpi/v1/Names';
import type { Scorecard as _collab_kpi_v1_Scorecard, Scorecard__Output as _collab_kpi_v1_Scorecard__Output } from './collab/kpi/v1/Scorecard';
import type { ScorecardLine as _collab_kpi_v1_ScorecardLine, ScorecardLine__Output as _collab_kpi_v1_ScorecardLine__Output } from './collab/kpi/v1/ScorecardLine';
import type { ValuePoint as _collab_kpi_v1_ValuePoint, ValuePoint__Output as _collab_kpi_v1_ValuePoint__Output } from './collab/kpi/v1/ValuePoint';
import type { BoolValue as _google_protobuf_BoolValue, BoolValue__Output as _google_protobuf_BoolValue__Output } from './google/protobuf/BoolValue';
import type { BytesValue as _google_protobuf_BytesValue, BytesValue__Output as _google_protobuf_BytesValue__Output } from './google/protobuf/BytesValue';
import type { DoubleValue as _google_protobuf_DoubleValue, DoubleValue__Output as _google_protobuf_DoubleValue__Output } from './google/protobuf/DoubleValue';
import type { FloatValue as _google_protobuf_FloatValue, FloatValue__Output as _google_protobuf_FloatValue__Output } from './google/protobuf/FloatValue';
import type { Int32Value as _google_protobuf_Int32Value, Int32Value__Output as _google_protobuf_Int32Value__Output } from './google/protobuf/Int32Value';
import type { Int64Value as _google_protobuf_Int64Value, Int64Value__Output as _google_protobuf_Int64Value__Output } from './google/protobuf/Int64Value';
import type { StringValue as _google_protobuf_StringValue, StringValue__Output as _google_protobuf_StringValue__Output } from './google/protobuf/StringValue';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { UInt32Value as _google_protobuf_UInt32Value, UInt32Value__Output as _google_protobuf_UInt32Value__Output } from './google/protobuf/UInt32Value';
import type { UInt64Value as _google_protobuf_UInt64Value, UInt64Value__Output as _google_protobuf_UInt64Value__Output } from './google/protobuf/UInt64Value';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  collab: {
    kpi: {
      v1: {
        FactSelector: MessageTypeDefinition<_collab_kpi_v1_FactSelector, _collab_kpi_v1_FactSelector__Output>
        Filter: MessageTypeDefinition<_collab_kpi_v1_Filter, _collab_kpi_v1_Filter__Output>
        FollowUp: MessageTypeDefinition<_collab_kpi_v1_FollowUp, _collab_kpi_v1_FollowUp__Output>
        GetKpiRequest: MessageTypeDefinition<_collab_kpi_v1_GetKpiRequest, _collab_kpi_v1_GetKpiRequest__Output>
        GetKpiResponse: MessageTypeDefinition<_collab_kpi_v1_GetKpiResponse, _collab_kpi_v1_GetKpiResponse__Output>
        GetScorecardRequest: MessageTypeDefinition<_collab_kpi_v1_GetScorecardRequest, _collab_kpi_v1_GetScorecardRequest__Output>
        GetScorecardResponse: MessageTypeDefinition<_collab_kpi_v1_GetScorecardResponse, _collab_kpi_v1_GetScorecardResponse__Output>
        GetValuesRequest: MessageTypeDefinition<_collab_kpi_v1_GetValuesRequest, _collab_kpi_v1_GetValuesRequest__Output>
        GetValuesResponse: MessageTypeDefinition<_collab_kpi_v1_GetValuesResponse, _collab_kpi_v1_GetValuesResponse__Output>
        Kpi: MessageTypeDefinition<_collab_kpi_v1_Kpi, _collab_kpi_v1_Kpi__Output>
        KpiSeries: MessageTypeDefinition<_collab_kpi_v1_KpiSeries, _collab_kpi_v1_KpiSeries__Output>
        /**
         * KpiService answers questions about the KPI library (统一管理) for other services and partner
         * systems: the definitions, a KPI's values by bucket, and scorecards against targets. The answers
         * are REST's (/api/v1/kpis). Callers authenticate with a Bearer JWT in the `authorization` metadata;
         * staff and analysts read every figure, a department its own unit's and the units below it, a
         * partner only its own (PERMISSION_DENIED otherwise). Enumerated values are the names REST uses.
         */
        KpiService: SubtypeConstructor<typeof grpc.Client, _collab_kpi_v1_KpiServiceClient> & { service: _collab_kpi_v1_KpiServiceDefinition }
        ListKpisRequest: MessageTypeDefinition<_collab_kpi_v1_ListKpisRequest, _collab_kpi_v1_ListKpisRequest__Output>
        ListKpisResponse: MessageTypeDefinition<_collab_kpi_v1_ListKpisResponse, _collab_kpi_v1_ListKpisResponse__Output>
        Measure: MessageTypeDefinition<_collab_kpi_v1_Measure, _collab_kpi_v1_Measure__Output>
        Names: MessageTypeDefinition<_collab_kpi_v1_Names, _collab_kpi_v1_Names__Output>
        Scorecard: MessageTypeDefinition<_collab_kpi_v1_Scorecard, _collab_kpi_v1_Scorecard__Output>
        ScorecardLine: MessageTypeDefinition<_collab_kpi_v1_ScorecardLine, _collab_kpi_v1_ScorecardLine__Output>
        ValuePoint: MessageTypeDefinition<_collab_kpi_v1_ValuePoint, _collab_kpi_v1_ValuePoint__Output>
      }
    }
  }
  google: {
    protobuf: {
      BoolValue: MessageTypeDefinition<_google_protobuf_BoolValue, _google_protobuf_BoolValue__Output>
      BytesValue: MessageTypeDefinition<_google_protobuf_BytesValue, _google_protobuf_BytesValue__Output>
      DoubleValue: MessageTypeDefinition<_google_protobuf_DoubleValue, _google_protobuf_DoubleValue__Output>
      FloatValue: MessageTypeDefinition<_google_protobuf_FloatValue, _google_protobuf_FloatValue__Output>
      Int32Value: MessageTypeDefinition<_google_protobuf_Int32Value, _google_protobuf_Int32Value__Output>
      Int64Value: MessageTypeDefinition<_google_protobuf_Int64Value, _google_protobuf_Int64Value__Output>
      StringValue: MessageTypeDefinition<_google_protobuf_StringValue, _google_protobuf_StringValue__Output>
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
      UInt32Value: MessageTypeDefinition<_google_protobuf_UInt32Value, _google_protobuf_UInt32Value__Output>
      UInt64Value: MessageTypeDefinition<_google_protobuf_UInt64Value, _google_protobuf_UInt64Value__Output>
    }
  }
}

