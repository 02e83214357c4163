// Original file: proto/collab/intake/v1/intake_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetCaseRequest as _collab_intake_v1_GetCaseRequest, GetCaseRequest__Output as _collab_intake_v1_GetCaseRequest__Output } from '../../../collab/intake/v1/GetCaseRequest';
import type { GetCaseResponse as _collab_intake_v1_GetCaseResponse, GetCaseResponse__Output as _collab_intake_v1_GetCaseResponse__Output } from '../../../collab/intake/v1/GetCaseResponse';
import type { SubmitContactRequest as _collab_intake_v1_SubmitContactRequest, SubmitContactRequest__Output as _collab_intake_v1_SubmitContactRequest__Output } from '../../../collab/intake/v1/SubmitContactRequest';
import type { SubmitContactResponse as _collab_intake_v1_SubmitContactResponse, SubmitContactResponse__Output as _collab_intake_v1_SubmitContactResponse__Output } from '../../../collab/intake/v1/SubmitContactResponse';

/**
 * IntakeService is the single entry for contacts from partner systems (统一接入): every
 * contact is acknowledged at once with honest expected times. Callers authenticate with a
 * Bearer JWT in the `authorization` metadata; a partner sees only its own cases.
 */
export interface IntakeServiceClient extends grpc.Client {
  /**
   * GetCase returns the case as it is now, including its state after opening.
   */
  GetCase(argument: _collab_intake_v1_GetCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_intake_v1_GetCaseResponse__Output>): grpc.ClientUnaryCall;
  GetCase(argument: _collab_intake_v1_GetCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_intake_v1_GetCaseResponse__Output>): grpc.ClientUnaryCall;
  GetCase(argument: _collab_intake_v1_GetCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_intake_v1_GetCaseResponse__Output>): grpc.ClientUnaryCall;
  GetCase(argument: _collab_intake_v1_GetCaseRequest, callback: grpc.requestCallback<_collab_intake_v1_GetCaseResponse__Output>): grpc.ClientUnaryCall;
  /**
   * GetCase returns the case as it is now, including its state after opening.
   */
  getCase(argument: _collab_intake_v1_GetCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_intake_v1_GetCaseResponse__Output>): grpc.ClientUnaryCall;
  getCase(argument: _collab_intake_v1_GetCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_intake_v1_GetCaseResponse__Output>): grpc.ClientUnaryCall;
  getCase(argument: _collab_intake_v1_GetCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_intake_v1_GetCaseResponse__Output>): grpc.ClientUnaryCall;
  getCase(argument: _collab_intake_v1_GetCaseRequest, callback: grpc.requestCallback<_collab_intake_v1_GetCaseResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * SubmitContact records one contact. It opens a case or joins an open one (same thread, or
   * same requester and category within the configured window). Idempotent on request_id: the
   * same request_id with the same content returns the first answer and opens nothing new;
   * with different content it fails with ALREADY_EXISTS.
   */
  SubmitContact(argument: _collab_intake_v1_SubmitContactRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_intake_v1_SubmitContactResponse__Output>): grpc.ClientUnaryCall;
  SubmitContact(argument: _collab_intake_v1_SubmitContactRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_intake_v1_SubmitContactResponse__Output>): grpc.ClientUnaryCall;
  SubmitContact(argument: _collab_intake_v1_SubmitContactRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_intake_v1_SubmitContactResponse__Output>): grpc.ClientUnaryCall;
  SubmitContact(argument: _collab_intake_v1_SubmitContactRequest, callback: grpc.requestCallback<_collab_intake_v1_SubmitContactResponse__Output>): grpc.ClientUnaryCall;
  /**
   * SubmitContact records one contact. It opens a case or joins an open one (same thread, or
   * same requester and category within the configured window). Idempotent on request_id: the
   * same request_id with the same content returns the first answer and opens nothing new;
   * with different content it fails with ALREADY_EXISTS.
   */
  submitContact(argument: _collab_intake_v1_SubmitContactRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_intake_v1_SubmitContactResponse__Output>): grpc.ClientUnaryCall;
  submitContact(argument: _collab_intake_v1_SubmitContactRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_intake_v1_SubmitContactResponse__Output>): grpc.ClientUnaryCall;
  submitContact(argument: _collab_intake_v1_SubmitContactRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_intake_v1_SubmitContactResponse__Output>): grpc.ClientUnaryCall;
  submitContact(argument: _collab_intake_v1_SubmitContactRequest, callback: grpc.requestCallback<_collab_intake_v1_SubmitContactResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * IntakeService is the single entry for contacts from partner systems (统一接入): every
 * contact is acknowledged at once with honest expected times. Callers authenticate with a
 * Bearer JWT in the `authorization` metadata; a partner sees only its own cases.
 */
export interface IntakeServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * GetCase returns the case as it is now, including its state after opening.
   */
  GetCase: grpc.handleUnaryCall<_collab_intake_v1_GetCaseRequest__Output, _collab_intake_v1_GetCaseResponse>;
  
  /**
   * SubmitContact records one contact. It opens a case or joins an open one (same thread, or
   * same requester and category within the configured window). Idempotent on request_id: the
   * same request_id with the same content returns the first answer and opens nothing new;
   * with different content it fails with ALREADY_EXISTS.
   */
  SubmitContact: grpc.handleUnaryCall<_collab_intake_v1_SubmitContactRequest__Output, _collab_intake_v1_SubmitContactResponse>;
  
}

export interface IntakeServiceDefinition extends grpc.ServiceDefinition {
  GetCase: MethodDefinition<_collab_intake_v1_GetCaseRequest, _collab_intake_v1_GetCaseResponse, _collab_intake_v1_GetCaseRequest__Output, _collab_intake_v1_GetCaseResponse__Output>
  SubmitContact: MethodDefinition<_collab_intake_v1_SubmitContactRequest, _collab_intake_v1_SubmitContactResponse, _collab_intake_v1_SubmitContactRequest__Output, _collab_intake_v1_SubmitContactResponse__Output>
}
