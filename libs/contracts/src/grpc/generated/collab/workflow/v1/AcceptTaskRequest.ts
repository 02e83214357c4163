// Original file: proto/collab/workflow/v1/partner_collaboration_service.proto


export interface AcceptTaskRequest {
  'taskId'?: (string);
}

export interface AcceptTaskRequest__Output {
  'taskId': (string);
}
