// Original file: proto/collab/workflow/v1/partner_collaboration_service.proto

import type { CollaborationTask as _collab_workflow_v1_CollaborationTask, CollaborationTask__Output as _collab_workflow_v1_CollaborationTask__Output } from '../../../collab/workflow/v1/CollaborationTask';

export interface ListTasksResponse {
  'tasks'?: (_collab_workflow_v1_CollaborationTask)[];
  /**
   * Empty on the last page.
   */
  'nextPageToken'?: (string);
}

export interface ListTasksResponse__Output {
  'tasks': (_collab_workflow_v1_CollaborationTask__Output)[];
  /**
   * Empty on the last page.
   */
  'nextPageToken': (string);
}
