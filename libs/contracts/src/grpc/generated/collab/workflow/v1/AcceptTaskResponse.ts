// Original file: proto/collab/workflow/v1/partner_collaboration_service.proto

import type { CollaborationTask as _collab_workflow_v1_CollaborationTask, CollaborationTask__Output as _collab_workflow_v1_CollaborationTask__Output } from '../../../collab/workflow/v1/CollaborationTask';

export interface AcceptTaskResponse {
  'task'?: (_collab_workflow_v1_CollaborationTask | null);
}

export interface AcceptTaskResponse__Output {
  'task': (_collab_workflow_v1_CollaborationTask__Output | null);
}
