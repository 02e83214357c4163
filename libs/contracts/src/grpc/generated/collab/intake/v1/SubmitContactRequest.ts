// Original file: proto/collab/intake/v1/intake_service.proto

import type { Audience as _collab_intake_v1_Audience, Audience__Output as _collab_intake_v1_Audience__Output } from '../../../collab/intake/v1/Audience';
import type { Requester as _collab_intake_v1_Requester, Requester__Output as _collab_intake_v1_Requester__Output } from '../../../collab/intake/v1/Requester';
import type { RequestType as _collab_intake_v1_RequestType, RequestType__Output as _collab_intake_v1_RequestType__Output } from '../../../collab/intake/v1/RequestType';
import type { Priority as _collab_intake_v1_Priority, Priority__Output as _collab_intake_v1_Priority__Output } from '../../../collab/intake/v1/Priority';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Attachment as _collab_intake_v1_Attachment, Attachment__Output as _collab_intake_v1_Attachment__Output } from '../../../collab/intake/v1/Attachment';

export interface SubmitContactRequest {
  /**
   * Idempotency key chosen by the caller, unique per logical contact.
   */
  'requestId'?: (string);
  /**
   * Channel id as registered in intake, e.g. "partner-api" or "reseller-portal".
   */
  'channel'?: (string);
  'audience'?: (_collab_intake_v1_Audience);
  'requester'?: (_collab_intake_v1_Requester | null);
  'requestType'?: (_collab_intake_v1_RequestType);
  /**
   * Category code from intake's category tree.
   */
  'category'?: (string);
  'subject'?: (string);
  'description'?: (string);
  /**
   * BCP 47 language tag, e.g. "zh-CN", "fi".
   */
  'language'?: (string);
  /**
   * Region code, e.g. "GD-SZ".
   */
  'region'?: (string);
  'priority'?: (_collab_intake_v1_Priority);
  /**
   * When the contact happened on the channel; defaults to the time intake received it.
   */
  'occurredAt'?: (_google_protobuf_Timestamp | null);
  /**
   * The caller's own reference for this contact (ticket number in the partner's system).
   */
  'externalRef'?: (string);
  /**
   * Conversation or thread id on the channel; a contact in an open case's thread joins it.
   */
  'threadRef'?: (string);
  'attachments'?: (_collab_intake_v1_Attachment)[];
}

export interface SubmitContactRequest__Output {
  /**
   * Idempotency key chosen by the caller, unique per logical contact.
   */
  'requestId': (string);
  /**
   * Channel id as registered in intake, e.g. "partner-api" or "reseller-portal".
   */
  'channel': (string);
  'audience': (_collab_intake_v1_Audience__Output);
  'requester': (_collab_intake_v1_Requester__Output | null);
  'requestType': (_collab_intake_v1_RequestType__Output);
  /**
   * Category code from intake's category tree.
   */
  'category': (string);
  'subject': (string);
  'description': (string);
  /**
   * BCP 47 language tag, e.g. "zh-CN", "fi".
   */
  'language': (string);
  /**
   * Region code, e.g. "GD-SZ".
   */
  'region': (string);
  'priority': (_collab_intake_v1_Priority__Output);
  /**
   * When the contact happened on the channel; defaults to the time intake received it.
   */
  'occurredAt': (_google_protobuf_Timestamp__Output | null);
  /**
   * The caller's own reference for this contact (ticket number in the partner's system).
   */
  'externalRef': (string);
  /**
   * Conversation or thread id on the channel; a contact in an open case's thread joins it.
   */
  'threadRef': (string);
  'attachments': (_collab_intake_v1_Attachment__Output)[];
}
