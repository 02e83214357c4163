import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Bottleneck as _collab_data_v1_Bottleneck, Bottleneck__Output as _collab_data_v1_Bottleneck__Output } from './collab/data/v1/Bottleneck';
import type { CasePromise as _collab_data_v1_CasePromise, CasePromise__Output as _collab_data_v1_CasePromise__Output } from './collab/data/v1/CasePromise';
import type { Contact as _collab_data_v1_Contact, Contact__Output as _collab_data_v1_Contact__Output } from './collab/data/v1/Contact';
import type { Csat as _collab_data_v1_Csat, Csat__Output as _collab_data_v1_Csat__Output } from './collab/data/v1/Csat';
import type { CubeRow as _collab_data_v1_CubeRow, CubeRow__Output as _collab_data_v1_CubeRow__Output } from './collab/data/v1/CubeRow';
import type { CubeSlice as _collab_data_v1_CubeSlice, CubeSlice__Output as _collab_data_v1_CubeSlice__Output } from './collab/data/v1/CubeSlice';
import type { CustomerProfile as _collab_data_v1_CustomerProfile, CustomerProfile__Output as _collab_data_v1_CustomerProfile__Output } from './collab/data/v1/CustomerProfile';
import type { DataServiceClient as _collab_data_v1_DataServiceClient, DataServiceDefinition as _collab_data_v1_DataServiceDefinition } from './collab/data/v1/DataService';
import type { DependencyEdge as _collab_data_v1_DependencyEdge, DependencyEdge__Output as _collab_data_v1_DependencyEdge__Output } from './collab/data/v1/DependencyEdge';
import type { DependencyMap as _collab_data_v1_DependencyMap, DependencyMap__Output as _collab_data_v1_DependencyMap__Output } from './collab/data/v1/DependencyMap';
import type { DependencyNode as _collab_data_v1_DependencyNode, DependencyNode__Output as _collab_data_v1_DependencyNode__Output } from './collab/data/v1/DependencyNode';
import type { GetCubeRequest as _collab_data_v1_GetCubeRequest, GetCubeRequest__Output as _collab_data_v1_GetCubeRequest__Output } from './collab/data/v1/GetCubeRequest';
import type { GetCubeResponse as _collab_data_v1_GetCubeResponse, GetCubeResponse__Output as _collab_data_v1_GetCubeResponse__Output } from './collab/data/v1/GetCubeResponse';
import type { GetCustomerProfileRequest as _collab_data_v1_GetCustomerProfileRequest, GetCustomerProfileRequest__Output as _collab_data_v1_GetCustomerProfileRequest__Output } from './collab/data/v1/GetCustomerProfileRequest';
import type { GetCustomerProfileResponse as _collab_data_v1_GetCustomerProfileResponse, GetCustomerProfileResponse__Output as _collab_data_v1_GetCustomerProfileResponse__Output } from './collab/data/v1/GetCustomerProfileResponse';
import type { GetDependenciesRequest as _collab_data_v1_GetDependenciesRequest, GetDependenciesRequest__Output as _collab_data_v1_GetDependenciesRequest__Output } from './collab/data/v1/GetDependenciesRequest';
import type { GetDependenciesResponse as _collab_data_v1_GetDependenciesResponse, GetDependenciesResponse__Output as _collab_data_v1_GetDependenciesResponse__Output } from './collab/data/v1/GetDependenciesResponse';
import type { KnowledgeArticleUse as _collab_data_v1_KnowledgeArticleUse, KnowledgeArticleUse__Output as _collab_data_v1_KnowledgeArticleUse__Output } from './collab/data/v1/KnowledgeArticleUse';
import type { Leg as _collab_data_v1_Leg, Leg__Output as _collab_data_v1_Leg__Output } from './collab/data/v1/Leg';
import type { LegTarget as _collab_data_v1_LegTarget, LegTarget__Output as _collab_data_v1_LegTarget__Output } from './collab/data/v1/LegTarget';
import type { Party as _collab_data_v1_Party, Party__Output as _collab_data_v1_Party__Output } from './collab/data/v1/Party';
import type { ProfileCase as _collab_data_v1_ProfileCase, ProfileCase__Output as _collab_data_v1_ProfileCase__Output } from './collab/data/v1/ProfileCase';
import type { TimelineEntry as _collab_data_v1_TimelineEntry, TimelineEntry__Output as _collab_data_v1_TimelineEntry__Output } from './collab/data/v1/TimelineEntry';
import type { Values as _collab_data_v1_Values, Values__Output as _collab_data_v1_Values__Output } from './collab/data/v1/Values';
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
    data: {
      v1: {
        Bottleneck: MessageTypeDefinition<_collab_data_v1_Bottleneck, _collab_data_v1_Bottleneck__Output>
        CasePromise: MessageTypeDefinition<_collab_data_v1_CasePromise, _collab_data_v1_CasePromise__Output>
        Contact: MessageTypeDefinition<_collab_data_v1_Contact, _collab_data_v1_Contact__Output>
        Csat: MessageTypeDefinition<_collab_data_v1_Csat, _collab_data_v1_Csat__Output>
        CubeRow: MessageTypeDefinition<_collab_data_v1_CubeRow, _collab_data_v1_CubeRow__Output>
        CubeSlice: MessageTypeDefinition<_collab_data_v1_CubeSlice, _collab_data_v1_CubeSlice__Output>
        CustomerProfile: MessageTypeDefinition<_collab_data_v1_CustomerProfile, _collab_data_v1_CustomerProfile__Output>
        /**
         * DataService answers questions about the unified data (统一数据) for other services and partner
         * systems: slices of the data cube, a customer's 360° profile and the service dependency map. The
         * answers are REST's (/api/v1/data, /api/v1/customers/{id}/profile). Callers authenticate with a
         * Bearer JWT in the `authorization` metadata. The cube and the map are for staff; a profile is read
         * by its customer (own), staff (any), and a partner (only the cases it has tasks on).
         */
        DataService: SubtypeConstructor<typeof grpc.Client, _collab_data_v1_DataServiceClient> & { service: _collab_data_v1_DataServiceDefinition }
        DependencyEdge: MessageTypeDefinition<_collab_data_v1_DependencyEdge, _collab_data_v1_DependencyEdge__Output>
        DependencyMap: MessageTypeDefinition<_collab_data_v1_DependencyMap, _collab_data_v1_DependencyMap__Output>
        DependencyNode: MessageTypeDefinition<_collab_data_v1_DependencyNode, _collab_data_v1_DependencyNode__Output>
        GetCubeRequest: MessageTypeDefinition<_collab_data_v1_GetCubeRequest, _collab_data_v1_GetCubeRequest__Output>
        GetCubeResponse: MessageTypeDefinition<_collab_data_v1_GetCubeResponse, _collab_data_v1_GetCubeResponse__Output>
        GetCustomerProfileRequest: MessageTypeDefinition<_collab_data_v1_GetCustomerProfileRequest, _collab_data_v1_GetCustomerProfileRequest__Output>
        GetCustomerProfileResponse: MessageTypeDefinition<_collab_data_v1_GetCustomerProfileResponse, _collab_data_v1_GetCustomerProfileResponse__Output>
        GetDependenciesRequest: MessageTypeDefinition<_collab_data_v1_GetDependenciesRequest, _collab_data_v1_GetDependenciesRequest__Output>
        GetDependenciesResponse: MessageTypeDefinition<_collab_data_v1_GetDependenciesResponse, _collab_data_v1_GetDependenciesResponse__Output>
        KnowledgeArticleUse: MessageTypeDefinition<_collab_data_v1_KnowledgeArticleUse, _collab_data_v1_KnowledgeArticleUse__Output>
        Leg: MessageTypeDefinition<_collab_data_v1_Leg, _collab_data_v1_Leg__Output>
        LegTarget: MessageTypeDefinition<_collab_data_v1_LegTarget, _collab_data_v1_LegTarget__Output>
        Party: MessageTypeDefinition<_collab_data_v1_Party, _collab_data_v1_Party__Output>
        ProfileCase: MessageTypeDefinition<_collab_data_v1_ProfileCase, _collab_data_v1_ProfileCase__Output>
        TimelineEntry: MessageTypeDefinition<_collab_data_v1_TimelineEntry, _collab_data_v1_TimelineEntry__Output>
        Values: MessageTypeDefinition<_collab_data_v1_Values, _collab_data_v1_Values__Output>
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

