// Original file: proto/collab/workflow/v1/partner_collaboration_service.proto

import type { TaskStatus as _collab_workflow_v1_TaskStatus, TaskStatus__Output as _collab_workflow_v1_TaskStatus__Output } from '../../../collab/workflow/v1/TaskStatus';

export interface ListTasksRequest {
  /**
   * Only tasks in these states; empty means all.
   */
  'statuses'?: (_collab_workflow_v1_TaskStatus)[];
  /**
   * Only tasks of this case; empty means all.
   */
  'caseId'?: (string);
  /**
   * At most this many tasks per page; 0 means the server default.
   */
  'pageSize'?: (number);
  /**
   * next_page_token of the previous page; empty for the first page.
   */
  'pageToken'?: (string);
}

export interface ListTasksRequest__Output {
  /**
   * Only tasks in these states; empty means all.
   */
  'statuses': (_collab_workflow_v1_TaskStatus__Output)[];
  /**
   * Only tasks of this case; empty means all.
   */
  'caseId': (string);
  /**
   * At most this many tasks per page; 0 means the server default.
   */
  'pageSize': (number);
  /**
   * next_page_token of the previous page; empty for the first page.
   */
  'pageToken': (string);
}
