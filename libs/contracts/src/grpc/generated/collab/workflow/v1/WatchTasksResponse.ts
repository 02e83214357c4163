// Original file: proto/collab/workflow/v1/partner_collaboration_service.proto

import type { CollaborationTask as _collab_workflow_v1_CollaborationTask, CollaborationTask__Output as _collab_workflow_v1_CollaborationTask__Output } from '../../../collab/workflow/v1/CollaborationTask';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface WatchTasksResponse {
  /**
   * Opaque position to resume from; pass it back in WatchTasksRequest.cursor.
   */
  'cursor'?: (string);
  /**
   * The task as it is after the change.
   */
  'task'?: (_collab_workflow_v1_CollaborationTask | null);
  'changedAt'?: (_google_protobuf_Timestamp | null);
}

export interface WatchTasksResponse__Output {
  /**
   * Opaque position to resume from; pass it back in WatchTasksRequest.cursor.
   */
  'cursor': (string);
  /**
   * The task as it is after the change.
   */
  'task': (_collab_workflow_v1_CollaborationTask__Output | null);
  'changedAt': (_google_protobuf_Timestamp__Output | null);
}
