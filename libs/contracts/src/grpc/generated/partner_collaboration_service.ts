import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AcceptTaskRequest as _collab_workflow_v1_AcceptTaskRequest, AcceptTaskRequest__Output as _collab_workflow_v1_AcceptTaskRequest__Output } from './collab/workflow/v1/AcceptTaskRequest';
import type { AcceptTaskResponse as _collab_workflow_v1_AcceptTaskResponse, AcceptTaskResponse__Output as _collab_workflow_v1_AcceptTaskResponse__Output } from './collab/workflow/v1/AcceptTaskResponse';
import type { AddNoteRequest as _collab_workflow_v1_AddNoteRequest, AddNoteRequest__Output as _collab_workflow_v1_AddNoteRequest__Output } from './collab/workflow/v1/AddNoteRequest';
import type { AddNoteResponse as _collab_workflow_v1_AddNoteResponse, AddNoteResponse__Output as _collab_workflow_v1_AddNoteResponse__Output } from './collab/workflow/v1/AddNoteResponse';
import type { CollaborationTask as _collab_workflow_v1_CollaborationTask, CollaborationTask__Output as _collab_workflow_v1_CollaborationTask__Output } from './collab/workflow/v1/CollaborationTask';
import type { CompleteTaskRequest as _collab_workflow_v1_CompleteTaskRequest, CompleteTaskRequest__Output as _collab_workflow_v1_CompleteTaskRequest__Output } from './collab/workflow/v1/CompleteTaskRequest';
import type { CompleteTaskResponse as _collab_workflow_v1_CompleteTaskResponse, CompleteTaskResponse__Output as _collab_workflow_v1_CompleteTaskResponse__Output } from './collab/workflow/v1/CompleteTaskResponse';
import type { ListTasksRequest as _collab_workflow_v1_ListTasksRequest, ListTasksRequest__Output as _collab_workflow_v1_ListTasksRequest__Output } from './collab/workflow/v1/ListTasksRequest';
import type { ListTasksResponse as _collab_workflow_v1_ListTasksResponse, ListTasksResponse__Output as _collab_workflow_v1_ListTasksResponse__Output } from './collab/workflow/v1/ListTasksResponse';
import type { PartnerCollaborationServiceClient as _collab_workflow_v1_PartnerCollaborationServiceClient, PartnerCollaborationServiceDefinition as _collab_workflow_v1_PartnerCollaborationServiceDefinition } from './collab/workflow/v1/PartnerCollaborationService';
import type { ReturnTaskRequest as _collab_workflow_v1_ReturnTaskRequest, ReturnTaskRequest__Output as _collab_workflow_v1_ReturnTaskRequest__Output } from './collab/workflow/v1/ReturnTaskRequest';
import type { ReturnTaskResponse as _collab_workflow_v1_ReturnTaskResponse, ReturnTaskResponse__Output as _collab_workflow_v1_ReturnTaskResponse__Output } from './collab/workflow/v1/ReturnTaskResponse';
import type { TaskNote as _collab_workflow_v1_TaskNote, TaskNote__Output as _collab_workflow_v1_TaskNote__Output } from './collab/workflow/v1/TaskNote';
import type { TaskTarget as _collab_workflow_v1_TaskTarget, TaskTarget__Output as _collab_workflow_v1_TaskTarget__Output } from './collab/workflow/v1/TaskTarget';
import type { WatchTasksRequest as _collab_workflow_v1_WatchTasksRequest, WatchTasksRequest__Output as _collab_workflow_v1_WatchTasksRequest__Output } from './collab/workflow/v1/WatchTasksRequest';
import type { WatchTasksResponse as _collab_workflow_v1_WatchTasksResponse, WatchTasksResponse__Output as _collab_workflow_v1_WatchTasksResponse__Output } from './collab/workflow/v1/WatchTasksResponse';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  collab: {
    workflow: {
      v1: {
        AcceptTaskRequest: MessageTypeDefinition<_collab_workflow_v1_AcceptTaskRequest, _collab_workflow_v1_AcceptTaskRequest__Output>
        AcceptTaskResponse: MessageTypeDefinition<_collab_workflow_v1_AcceptTaskResponse, _collab_workflow_v1_AcceptTaskResponse__Output>
        AddNoteRequest: MessageTypeDefinition<_collab_workflow_v1_AddNoteRequest, _collab_workflow_v1_AddNoteRequest__Output>
        AddNoteResponse: MessageTypeDefinition<_collab_workflow_v1_AddNoteResponse, _collab_workflow_v1_AddNoteResponse__Output>
        CollaborationTask: MessageTypeDefinition<_collab_workflow_v1_CollaborationTask, _collab_workflow_v1_CollaborationTask__Output>
        CompleteTaskRequest: MessageTypeDefinition<_collab_workflow_v1_CompleteTaskRequest, _collab_workflow_v1_CompleteTaskRequest__Output>
        CompleteTaskResponse: MessageTypeDefinition<_collab_workflow_v1_CompleteTaskResponse, _collab_workflow_v1_CompleteTaskResponse__Output>
        ListTasksRequest: MessageTypeDefinition<_collab_workflow_v1_ListTasksRequest, _collab_workflow_v1_ListTasksRequest__Output>
        ListTasksResponse: MessageTypeDefinition<_collab_workflow_v1_ListTasksResponse, _collab_workflow_v1_ListTasksResponse__Output>
        /**
         * PartnerCollaborationService lets a partner or department work the collaboration tasks
         * (协同单) addressed to it: list and watch them, accept, add notes, complete or return them.
         * Callers authenticate with a Bearer JWT in the `authorization` metadata; the caller's unit or
         * partner claim decides which tasks it sees, never a field of the request.
         */
        PartnerCollaborationService: SubtypeConstructor<typeof grpc.Client, _collab_workflow_v1_PartnerCollaborationServiceClient> & { service: _collab_workflow_v1_PartnerCollaborationServiceDefinition }
        ReturnReason: EnumTypeDefinition
        ReturnTaskRequest: MessageTypeDefinition<_collab_workflow_v1_ReturnTaskRequest, _collab_workflow_v1_ReturnTaskRequest__Output>
        ReturnTaskResponse: MessageTypeDefinition<_collab_workflow_v1_ReturnTaskResponse, _collab_workflow_v1_ReturnTaskResponse__Output>
        TaskNote: MessageTypeDefinition<_collab_workflow_v1_TaskNote, _collab_workflow_v1_TaskNote__Output>
        TaskStatus: EnumTypeDefinition
        TaskTarget: MessageTypeDefinition<_collab_workflow_v1_TaskTarget, _collab_workflow_v1_TaskTarget__Output>
        WatchTasksRequest: MessageTypeDefinition<_collab_workflow_v1_WatchTasksRequest, _collab_workflow_v1_WatchTasksRequest__Output>
        WatchTasksResponse: MessageTypeDefinition<_collab_workflow_v1_WatchTasksResponse, _collab_workflow_v1_WatchTasksResponse__Output>
      }
    }
  }
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
}

