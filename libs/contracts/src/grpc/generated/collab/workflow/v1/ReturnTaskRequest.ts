// Original file: proto/collab/workflow/v1/partner_collaboration_service.proto

import type { ReturnReason as _collab_workflow_v1_ReturnReason, ReturnReason__Output as _collab_workflow_v1_ReturnReason__Output } from '../../../collab/workflow/v1/ReturnReason';

export interface ReturnTaskRequest {
  'taskId'?: (string);
  'reason'?: (_collab_workflow_v1_ReturnReason);
  'note'?: (string);
  /**
   * A code from the managed list of return reasons; when set it wins over `reason`. Needed for
   * codes the enum does not name (then `reason` may be OTHER or unspecified).
   */
  'reasonCode'?: (string);
}

export interface ReturnTaskRequest__Output {
  'taskId': (string);
  'reason': (_collab_workflow_v1_ReturnReason__Output);
  'note': (string);
  /**
   * A code from the managed list of return reasons; when set it wins over `reason`. Needed for
   * codes the enum does not name (then `reason` may be OTHER or unspecified).
   */
  'reasonCode': (string);
}
