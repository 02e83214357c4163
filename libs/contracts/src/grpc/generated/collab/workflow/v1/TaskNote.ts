// Original file: proto/collab/workflow/v1/partner_collaboration_service.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

/**
 * TaskNote is one entry in the conversation between the case owner and the target.
 */
export interface TaskNote {
  'id'?: (string);
  /**
   * Subject of the author's token, e.g. "agent-17".
   */
  'author'?: (string);
  'text'?: (string);
  'addedAt'?: (_google_protobuf_Timestamp | null);
}

/**
 * TaskNote is one entry in the conversation between the case owner and the target.
 */
export interface TaskNote__Output {
  'id': (string);
  /**
   * Subject of the author's token, e.g. "agent-17".
   */
  'author': (string);
  'text': (string);
  'addedAt': (_google_protobuf_Timestamp__Output | null);
}
