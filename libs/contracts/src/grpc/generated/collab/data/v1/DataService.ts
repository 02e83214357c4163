// Original file: proto/collab/data/v1/data_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetCubeRequest as _collab_data_v1_GetCubeRequest, GetCubeRequest__Output as _collab_data_v1_GetCubeRequest__Output } from '../../../collab/data/v1/GetCubeRequest';
import type { GetCubeResponse as _collab_data_v1_GetCubeResponse, GetCubeResponse__Output as _collab_data_v1_GetCubeResponse__Output } from '../../../collab/data/v1/GetCubeResponse';
import type { GetCustomerProfileRequest as _collab_data_v1_GetCustomerProfileRequest, GetCustomerProfileRequest__Output as _collab_data_v1_GetCustomerProfileRequest__Output } from '../../../collab/data/v1/GetCustomerProfileRequest';
import type { GetCustomerProfileResponse as _collab_data_v1_GetCustomerProfileResponse, GetCustomerProfileResponse__Output as _collab_data_v1_GetCustomerProfileResponse__Output } from '../../../collab/data/v1/GetCustomerProfileResponse';
import type { GetDependenciesRequest as _collab_data_v1_GetDependenciesRequest, GetDependenciesRequest__Output as _collab_data_v1_GetDependenciesRequest__Output } from '../../../collab/data/v1/GetDependenciesRequest';
import type { GetDependenciesResponse as _collab_data_v1_GetDependenciesResponse, GetDependenciesResponse__Output as _collab_data_v1_GetDependenciesResponse__Output } from '../../../collab/data/v1/GetDependenciesResponse';

/**
 * DataService answers questions about the unified data (统一数据) for other services and partner
 * systems: slices of the data cube, a customer's 360° profile and the service dependency map. The
 * answers are REST's (/api/v1/data, /api/v1/customers/{id}/profile). Callers authenticate with a
 * Bearer JWT in the `authorization` metadata. The cube and the map are for staff; a profile is read
 * by its customer (own), staff (any), and a partner (only the cases it has tasks on).
 */
export interface DataServiceClient extends grpc.Client {
  /**
   * GetCube returns a slice of the data cube (数据魔方): measures per dimension values; coarser
   * levels roll up, filters on a level drill down.
   */
  GetCube(argument: _collab_data_v1_GetCubeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_data_v1_GetCubeResponse__Output>): grpc.ClientUnaryCall;
  GetCube(argument: _collab_data_v1_GetCubeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_data_v1_GetCubeResponse__Output>): grpc.ClientUnaryCall;
  GetCube(argument: _collab_data_v1_GetCubeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_data_v1_GetCubeResponse__Output>): grpc.ClientUnaryCall;
  GetCube(argument: _collab_data_v1_GetCubeRequest, callback: grpc.requestCallback<_collab_data_v1_GetCubeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * GetCube returns a slice of the data cube (数据魔方): measures per dimension values; coarser
   * levels roll up, filters on a level drill down.
   */
  getCube(argument: _collab_data_v1_GetCubeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_data_v1_GetCubeResponse__Output>): grpc.ClientUnaryCall;
  getCube(argument: _collab_data_v1_GetCubeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_data_v1_GetCubeResponse__Output>): grpc.ClientUnaryCall;
  getCube(argument: _collab_data_v1_GetCubeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_data_v1_GetCubeResponse__Output>): grpc.ClientUnaryCall;
  getCube(argument: _collab_data_v1_GetCubeRequest, callback: grpc.requestCallback<_collab_data_v1_GetCubeResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetCustomerProfile returns one customer's contacts, cases, legs, ratings, tags, articles and timeline.
   */
  GetCustomerProfile(argument: _collab_data_v1_GetCustomerProfileRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_data_v1_GetCustomerProfileResponse__Output>): grpc.ClientUnaryCall;
  GetCustomerProfile(argument: _collab_data_v1_GetCustomerProfileRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_data_v1_GetCustomerProfileResponse__Output>): grpc.ClientUnaryCall;
  GetCustomerProfile(argument: _collab_data_v1_GetCustomerProfileRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_data_v1_GetCustomerProfileResponse__Output>): grpc.ClientUnaryCall;
  GetCustomerProfile(argument: _collab_data_v1_GetCustomerProfileRequest, callback: grpc.requestCallback<_collab_data_v1_GetCustomerProfileResponse__Output>): grpc.ClientUnaryCall;
  /**
   * GetCustomerProfile returns one customer's contacts, cases, legs, ratings, tags, articles and timeline.
   */
  getCustomerProfile(argument: _collab_data_v1_GetCustomerProfileRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_data_v1_GetCustomerProfileResponse__Output>): grpc.ClientUnaryCall;
  getCustomerProfile(argument: _collab_data_v1_GetCustomerProfileRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_data_v1_GetCustomerProfileResponse__Output>): grpc.ClientUnaryCall;
  getCustomerProfile(argument: _collab_data_v1_GetCustomerProfileRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_data_v1_GetCustomerProfileResponse__Output>): grpc.ClientUnaryCall;
  getCustomerProfile(argument: _collab_data_v1_GetCustomerProfileRequest, callback: grpc.requestCallback<_collab_data_v1_GetCustomerProfileResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetDependencies returns which unit or partner serves which, per edge, with the bottlenecks named.
   */
  GetDependencies(argument: _collab_data_v1_GetDependenciesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_data_v1_GetDependenciesResponse__Output>): grpc.ClientUnaryCall;
  GetDependencies(argument: _collab_data_v1_GetDependenciesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_data_v1_GetDependenciesResponse__Output>): grpc.ClientUnaryCall;
  GetDependencies(argument: _collab_data_v1_GetDependenciesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_data_v1_GetDependenciesResponse__Output>): grpc.ClientUnaryCall;
  GetDependencies(argument: _collab_data_v1_GetDependenciesRequest, callback: grpc.requestCallback<_collab_data_v1_GetDependenciesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * GetDependencies returns which unit or partner serves which, per edge, with the bottlenecks named.
   */
  getDependencies(argument: _collab_data_v1_GetDependenciesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_data_v1_GetDependenciesResponse__Output>): grpc.ClientUnaryCall;
  getDependencies(argument: _collab_data_v1_GetDependenciesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_data_v1_GetDependenciesResponse__Output>): grpc.ClientUnaryCall;
  getDependencies(argument: _collab_data_v1_GetDependenciesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_data_v1_GetDependenciesResponse__Output>): grpc.ClientUnaryCall;
  getDependencies(argument: _collab_data_v1_GetDependenciesRequest, callback: grpc.requestCallback<_collab_data_v1_GetDependenciesResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * DataService answers questions about the unified data (统一数据) for other services and partner
 * systems: slices of the data cube, a customer's 360° profile and the service dependency map. The
 * answers are REST's (/api/v1/data, /api/v1/customers/{id}/profile). Callers authenticate with a
 * Bearer JWT in the `authorization` metadata. The cube and the map are for staff; a profile is read
 * by its customer (own), staff (any), and a partner (only the cases it has tasks on).
 */
export interface DataServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * GetCube returns a slice of the data cube (数据魔方): measures per dimension values; coarser
   * levels roll up, filters on a level drill down.
   */
  GetCube: grpc.handleUnaryCall<_collab_data_v1_GetCubeRequest__Output, _collab_data_v1_GetCubeResponse>;
  
  /**
   * GetCustomerProfile returns one customer's contacts, cases, legs, ratings, tags, articles and timeline.
   */
  GetCustomerProfile: grpc.handleUnaryCall<_collab_data_v1_GetCustomerProfileRequest__Output, _collab_data_v1_GetCustomerProfileResponse>;
  
  /**
   * GetDependencies returns which unit or partner serves which, per edge, with the bottlenecks named.
   */
  GetDependencies: grpc.handleUnaryCall<_collab_data_v1_GetDependenciesRequest__Output, _collab_data_v1_GetDependenciesResponse>;
  
}

export interface DataServiceDefinition extends grpc.ServiceDefinition {
  GetCube: MethodDefinition<_collab_data_v1_GetCubeRequest, _collab_data_v1_GetCubeResponse, _collab_data_v1_GetCubeRequest__Output, _collab_data_v1_GetCubeResponse__Output>
  GetCustomerProfile: MethodDefinition<_collab_data_v1_GetCustomerProfileRequest, _collab_data_v1_GetCustomerProfileResponse, _collab_data_v1_GetCustomerProfileRequest__Output, _collab_data_v1_GetCustomerProfileResponse__Output>
  GetDependencies: MethodDefinition<_collab_data_v1_GetDependenciesRequest, _collab_data_v1_GetDependenciesResponse, _collab_data_v1_GetDependenciesRequest__Output, _collab_data_v1_GetDependenciesResponse__Output>
}
