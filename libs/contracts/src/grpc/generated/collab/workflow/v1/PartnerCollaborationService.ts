// Original file: proto/collab/workflow/v1/partner_collaboration_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AcceptTaskRequest as _collab_workflow_v1_AcceptTaskRequest, AcceptTaskRequest__Output as _collab_workflow_v1_AcceptTaskRequest__Output } from '../../../collab/workflow/v1/AcceptTaskRequest';
import type { AcceptTaskResponse as _collab_workflow_v1_AcceptTaskResponse, AcceptTaskResponse__Output as _collab_workflow_v1_AcceptTaskResponse__Output } from '../../../collab/workflow/v1/AcceptTaskResponse';
import type { AddNoteRequest as _collab_workflow_v1_AddNoteRequest, AddNoteRequest__Output as _collab_workflow_v1_AddNoteRequest__Output } from '../../../collab/workflow/v1/AddNoteRequest';
import type { AddNoteResponse as _collab_workflow_v1_AddNoteResponse, AddNoteResponse__Output as _collab_workflow_v1_AddNoteResponse__Output } from '../../../collab/workflow/v1/AddNoteResponse';
import type { CompleteTaskRequest as _collab_workflow_v1_CompleteTaskRequest, CompleteTaskRequest__Output as _collab_workflow_v1_CompleteTaskRequest__Output } from '../../../collab/workflow/v1/CompleteTaskRequest';
import type { CompleteTaskResponse as _collab_workflow_v1_CompleteTaskResponse, CompleteTaskResponse__Output as _collab_workflow_v1_CompleteTaskResponse__Output } from '../../../collab/workflow/v1/CompleteTaskResponse';
import type { ListTasksRequest as _collab_workflow_v1_ListTasksRequest, ListTasksRequest__Output as _collab_workflow_v1_ListTasksRequest__Output } from '../../../collab/workflow/v1/ListTasksRequest';
import type { ListTasksResponse as _collab_workflow_v1_ListTasksResponse, ListTasksResponse__Output as _collab_workflow_v1_ListTasksResponse__Output } from '../../../collab/workflow/v1/ListTasksResponse';
import type { ReturnTaskRequest as _collab_workflow_v1_ReturnTaskRequest, ReturnTaskRequest__Output as _collab_workflow_v1_ReturnTaskRequest__Output } from '../../../collab/workflow/v1/ReturnTaskRequest';
import type { ReturnTaskResponse as _collab_workflow_v1_ReturnTaskResponse, ReturnTaskResponse__Output as _collab_workflow_v1_ReturnTaskResponse__Output } from '../../../collab/workflow/v1/ReturnTaskResponse';
import type { WatchTasksRequest as _collab_workflow_v1_WatchTasksRequest, WatchTasksRequest__Output as _collab_workflow_v1_WatchTasksRequest__Output } from '../../../collab/workflow/v1/WatchTasksRequest';
import type { WatchTasksResponse as _collab_workflow_v1_WatchTasksResponse, WatchTasksResponse__Output as _collab_workflow_v1_WatchTasksResponse__Output } from '../../../collab/workflow/v1/WatchTasksResponse';

/**
 * PartnerCollaborationService lets a partner or department work the collaboration tasks
 * (协同单) addressed to it: list and watch them, accept, add notes, complete or return them.
 * Callers authenticate with a Bearer JWT in the `authorization` metadata; the caller's unit or
 * partner claim decides which tasks it sees, never a field of the request.
 */
export interface PartnerCollaborationServiceClient extends grpc.Client {
  /**
   * AcceptTask takes a requested task on. Accepting an accepted task again is a no-op.
   */
  AcceptTask(argument: _collab_workflow_v1_AcceptTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_workflow_v1_AcceptTaskResponse__Output>): grpc.ClientUnaryCall;
  AcceptTask(argument: _collab_workflow_v1_AcceptTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_workflow_v1_AcceptTaskResponse__Output>): grpc.ClientUnaryCall;
  AcceptTask(argument: _collab_workflow_v1_AcceptTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_workflow_v1_AcceptTaskResponse__Output>): grpc.ClientUnaryCall;
  AcceptTask(argument: _collab_workflow_v1_AcceptTaskRequest, callback: grpc.requestCallback<_collab_workflow_v1_AcceptTaskResponse__Output>): grpc.ClientUnaryCall;
  /**
   * AcceptTask takes a requested task on. Accepting an accepted task again is a no-op.
   */
  acceptTask(argument: _collab_workflow_v1_AcceptTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_workflow_v1_AcceptTaskResponse__Output>): grpc.ClientUnaryCall;
  acceptTask(argument: _collab_workflow_v1_AcceptTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_workflow_v1_AcceptTaskResponse__Output>): grpc.ClientUnaryCall;
  acceptTask(argument: _collab_workflow_v1_AcceptTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_workflow_v1_AcceptTaskResponse__Output>): grpc.ClientUnaryCall;
  acceptTask(argument: _collab_workflow_v1_AcceptTaskRequest, callback: grpc.requestCallback<_collab_workflow_v1_AcceptTaskResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * AddNote appends a note to the task's conversation; idempotent on request_id.
   */
  AddNote(argument: _collab_workflow_v1_AddNoteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_workflow_v1_AddNoteResponse__Output>): grpc.ClientUnaryCall;
  AddNote(argument: _collab_workflow_v1_AddNoteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_workflow_v1_AddNoteResponse__Output>): grpc.ClientUnaryCall;
  AddNote(argument: _collab_workflow_v1_AddNoteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_workflow_v1_AddNoteResponse__Output>): grpc.ClientUnaryCall;
  AddNote(argument: _collab_workflow_v1_AddNoteRequest, callback: grpc.requestCallback<_collab_workflow_v1_AddNoteResponse__Output>): grpc.ClientUnaryCall;
  /**
   * AddNote appends a note to the task's conversation; idempotent on request_id.
   */
  addNote(argument: _collab_workflow_v1_AddNoteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_workflow_v1_AddNoteResponse__Output>): grpc.ClientUnaryCall;
  addNote(argument: _collab_workflow_v1_AddNoteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_workflow_v1_AddNoteResponse__Output>): grpc.ClientUnaryCall;
  addNote(argument: _collab_workflow_v1_AddNoteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_workflow_v1_AddNoteResponse__Output>): grpc.ClientUnaryCall;
  addNote(argument: _collab_workflow_v1_AddNoteRequest, callback: grpc.requestCallback<_collab_workflow_v1_AddNoteResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * CompleteTask reports the work as done, with the resolution.
   */
  CompleteTask(argument: _collab_workflow_v1_CompleteTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_workflow_v1_CompleteTaskResponse__Output>): grpc.ClientUnaryCall;
  CompleteTask(argument: _collab_workflow_v1_CompleteTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_workflow_v1_CompleteTaskResponse__Output>): grpc.ClientUnaryCall;
  CompleteTask(argument: _collab_workflow_v1_CompleteTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_workflow_v1_CompleteTaskResponse__Output>): grpc.ClientUnaryCall;
  CompleteTask(argument: _collab_workflow_v1_CompleteTaskRequest, callback: grpc.requestCallback<_collab_workflow_v1_CompleteTaskResponse__Output>): grpc.ClientUnaryCall;
  /**
   * CompleteTask reports the work as done, with the resolution.
   */
  completeTask(argument: _collab_workflow_v1_CompleteTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_workflow_v1_CompleteTaskResponse__Output>): grpc.ClientUnaryCall;
  completeTask(argument: _collab_workflow_v1_CompleteTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_workflow_v1_CompleteTaskResponse__Output>): grpc.ClientUnaryCall;
  completeTask(argument: _collab_workflow_v1_CompleteTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_workflow_v1_CompleteTaskResponse__Output>): grpc.ClientUnaryCall;
  completeTask(argument: _collab_workflow_v1_CompleteTaskRequest, callback: grpc.requestCallback<_collab_workflow_v1_CompleteTaskResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListTasks pages through the tasks addressed to the caller, newest request first.
   */
  ListTasks(argument: _collab_workflow_v1_ListTasksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_workflow_v1_ListTasksResponse__Output>): grpc.ClientUnaryCall;
  ListTasks(argument: _collab_workflow_v1_ListTasksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_workflow_v1_ListTasksResponse__Output>): grpc.ClientUnaryCall;
  ListTasks(argument: _collab_workflow_v1_ListTasksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_workflow_v1_ListTasksResponse__Output>): grpc.ClientUnaryCall;
  ListTasks(argument: _collab_workflow_v1_ListTasksRequest, callback: grpc.requestCallback<_collab_workflow_v1_ListTasksResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListTasks pages through the tasks addressed to the caller, newest request first.
   */
  listTasks(argument: _collab_workflow_v1_ListTasksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_workflow_v1_ListTasksResponse__Output>): grpc.ClientUnaryCall;
  listTasks(argument: _collab_workflow_v1_ListTasksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_workflow_v1_ListTasksResponse__Output>): grpc.ClientUnaryCall;
  listTasks(argument: _collab_workflow_v1_ListTasksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_workflow_v1_ListTasksResponse__Output>): grpc.ClientUnaryCall;
  listTasks(argument: _collab_workflow_v1_ListTasksRequest, callback: grpc.requestCallback<_collab_workflow_v1_ListTasksResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * ReturnTask (退单) hands the task back to the case owner with a reason.
   */
  ReturnTask(argument: _collab_workflow_v1_ReturnTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_workflow_v1_ReturnTaskResponse__Output>): grpc.ClientUnaryCall;
  ReturnTask(argument: _collab_workflow_v1_ReturnTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_workflow_v1_ReturnTaskResponse__Output>): grpc.ClientUnaryCall;
  ReturnTask(argument: _collab_workflow_v1_ReturnTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_workflow_v1_ReturnTaskResponse__Output>): grpc.ClientUnaryCall;
  ReturnTask(argument: _collab_workflow_v1_ReturnTaskRequest, callback: grpc.requestCallback<_collab_workflow_v1_ReturnTaskResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ReturnTask (退单) hands the task back to the case owner with a reason.
   */
  returnTask(argument: _collab_workflow_v1_ReturnTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_workflow_v1_ReturnTaskResponse__Output>): grpc.ClientUnaryCall;
  returnTask(argument: _collab_workflow_v1_ReturnTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_workflow_v1_ReturnTaskResponse__Output>): grpc.ClientUnaryCall;
  returnTask(argument: _collab_workflow_v1_ReturnTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_workflow_v1_ReturnTaskResponse__Output>): grpc.ClientUnaryCall;
  returnTask(argument: _collab_workflow_v1_ReturnTaskRequest, callback: grpc.requestCallback<_collab_workflow_v1_ReturnTaskResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * WatchTasks streams every change to the caller's tasks. Each item carries a cursor; a
   * client that reconnects with the last cursor it processed misses nothing (items may repeat,
   * so handle them idempotently by task id and version).
   */
  WatchTasks(argument: _collab_workflow_v1_WatchTasksRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_collab_workflow_v1_WatchTasksResponse__Output>;
  WatchTasks(argument: _collab_workflow_v1_WatchTasksRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_collab_workflow_v1_WatchTasksResponse__Output>;
  /**
   * WatchTasks streams every change to the caller's tasks. Each item carries a cursor; a
   * client that reconnects with the last cursor it processed misses nothing (items may repeat,
   * so handle them idempotently by task id and version).
   */
  watchTasks(argument: _collab_workflow_v1_WatchTasksRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_collab_workflow_v1_WatchTasksResponse__Output>;
  watchTasks(argument: _collab_workflow_v1_WatchTasksRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_collab_workflow_v1_WatchTasksResponse__Output>;
  
}

/**
 * PartnerCollaborationService lets a partner or department work the collaboration tasks
 * (协同单) addressed to it: list and watch them, accept, add notes, complete or return them.
 * Callers authenticate with a Bearer JWT in the `authorization` metadata; the caller's unit or
 * partner claim decides which tasks it sees, never a field of the request.
 */
export interface PartnerCollaborationServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * AcceptTask takes a requested task on. Accepting an accepted task again is a no-op.
   */
  AcceptTask: grpc.handleUnaryCall<_collab_workflow_v1_AcceptTaskRequest__Output, _collab_workflow_v1_AcceptTaskResponse>;
  
  /**
   * AddNote appends a note to the task's conversation; idempotent on request_id.
   */
  AddNote: grpc.handleUnaryCall<_collab_workflow_v1_AddNoteRequest__Output, _collab_workflow_v1_AddNoteResponse>;
  
  /**
   * CompleteTask reports the work as done, with the resolution.
   */
  CompleteTask: grpc.handleUnaryCall<_collab_workflow_v1_CompleteTaskRequest__Output, _collab_workflow_v1_CompleteTaskResponse>;
  
  /**
   * ListTasks pages through the tasks addressed to the caller, newest request first.
   */
  ListTasks: grpc.handleUnaryCall<_collab_workflow_v1_ListTasksRequest__Output, _collab_workflow_v1_ListTasksResponse>;
  
  /**
   * ReturnTask (退单) hands the task back to the case owner with a reason.
   */
  ReturnTask: grpc.handleUnaryCall<_collab_workflow_v1_ReturnTaskRequest__Output, _collab_workflow_v1_ReturnTaskResponse>;
  
  /**
   * WatchTasks streams every change to the caller's tasks. Each item carries a cursor; a
   * client that reconnects with the last cursor it processed misses nothing (items may repeat,
   * so handle them idempotently by task id and version).
   */
  WatchTasks: grpc.handleServerStreamingCall<_collab_workflow_v1_WatchTasksRequest__Output, _collab_workflow_v1_WatchTasksResponse>;
  
}

export interface PartnerCollaborationServiceDefinition extends grpc.ServiceDefinition {
  AcceptTask: MethodDefinition<_collab_workflow_v1_AcceptTaskRequest, _collab_workflow_v1_AcceptTaskResponse, _collab_workflow_v1_AcceptTaskRequest__Output, _collab_workflow_v1_AcceptTaskResponse__Output>
  AddNote: MethodDefinition<_collab_workflow_v1_AddNoteRequest, _collab_workflow_v1_AddNoteResponse, _collab_workflow_v1_AddNoteRequest__Output, _collab_workflow_v1_AddNoteResponse__Output>
  CompleteTask: MethodDefinition<_collab_workflow_v1_CompleteTaskRequest, _collab_workflow_v1_CompleteTaskResponse, _collab_workflow_v1_CompleteTaskRequest__Output, _collab_workflow_v1_CompleteTaskResponse__Output>
  ListTasks: MethodDefinition<_collab_workflow_v1_ListTasksRequest, _collab_workflow_v1_ListTasksResponse, _collab_workflow_v1_ListTasksRequest__Output, _collab_workflow_v1_ListTasksResponse__Output>
  ReturnTask: MethodDefinition<_collab_workflow_v1_ReturnTaskRequest, _collab_workflow_v1_ReturnTaskResponse, _collab_workflow_v1_ReturnTaskRequest__Output, _collab_workflow_v1_ReturnTaskResponse__Output>
  WatchTasks: MethodDefinition<_collab_workflow_v1_WatchTasksRequest, _collab_workflow_v1_WatchTasksResponse, _collab_workflow_v1_WatchTasksRequest__Output, _collab_workflow_v1_WatchTasksResponse__Output>
}
