// Original file: proto/collab/workflow/v1/partner_collaboration_service.proto


export interface CompleteTaskRequest {
  'taskId'?: (string);
  /**
   * What was done; shown to the case owner and kept in the case history.
   */
  'resolution'?: (string);
}

export interface CompleteTaskRequest__Output {
  'taskId': (string);
  /**
   * What was done; shown to the case owner and kept in the case history.
   */
  'resolution': (string);
}
