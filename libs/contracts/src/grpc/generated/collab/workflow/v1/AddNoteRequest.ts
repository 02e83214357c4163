// Original file: proto/collab/workflow/v1/partner_collaboration_service.proto


export interface AddNoteRequest {
  'taskId'?: (string);
  'text'?: (string);
  /**
   * Idempotency key chosen by the caller, so a retried note is recorded once.
   */
  'requestId'?: (string);
}

export interface AddNoteRequest__Output {
  'taskId': (string);
  'text': (string);
  /**
   * Idempotency key chosen by the caller, so a retried note is recorded once.
   */
  'requestId': (string);
}
