// Original file: proto/collab/workflow/v1/partner_collaboration_service.proto


export interface WatchTasksRequest {
  /**
   * Resume after this cursor (the cursor of the last item processed). Empty starts with the
   * current state of every open task addressed to the caller, then follows live changes.
   */
  'cursor'?: (string);
}

export interface WatchTasksRequest__Output {
  /**
   * Resume after this cursor (the cursor of the last item processed). Empty starts with the
   * current state of every open task addressed to the caller, then follows live changes.
   */
  'cursor': (string);
}
