// Original file: proto/collab/intake/v1/intake_service.proto

import type { CaseStatus as _collab_intake_v1_CaseStatus, CaseStatus__Output as _collab_intake_v1_CaseStatus__Output } from '../../../collab/intake/v1/CaseStatus';
import type { Audience as _collab_intake_v1_Audience, Audience__Output as _collab_intake_v1_Audience__Output } from '../../../collab/intake/v1/Audience';
import type { Requester as _collab_intake_v1_Requester, Requester__Output as _collab_intake_v1_Requester__Output } from '../../../collab/intake/v1/Requester';
import type { RequestType as _collab_intake_v1_RequestType, RequestType__Output as _collab_intake_v1_RequestType__Output } from '../../../collab/intake/v1/RequestType';
import type { Priority as _collab_intake_v1_Priority, Priority__Output as _collab_intake_v1_Priority__Output } from '../../../collab/intake/v1/Priority';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Acknowledgement as _collab_intake_v1_Acknowledgement, Acknowledgement__Output as _collab_intake_v1_Acknowledgement__Output } from '../../../collab/intake/v1/Acknowledgement';
import type { Long } from '@grpc/proto-loader';

/**
 * Case is the main line (事件/工单): one requester's matter, from opening to closing.
 */
export interface Case {
  'id'?: (string);
  'number'?: (string);
  'status'?: (_collab_intake_v1_CaseStatus);
  'audience'?: (_collab_intake_v1_Audience);
  'requester'?: (_collab_intake_v1_Requester | null);
  'requestType'?: (_collab_intake_v1_RequestType);
  'category'?: (string);
  'subject'?: (string);
  'description'?: (string);
  'language'?: (string);
  'region'?: (string);
  'priority'?: (_collab_intake_v1_Priority);
  'channel'?: (string);
  /**
   * Queue the case is routed to; empty until routed.
   */
  'queue'?: (string);
  /**
   * Agent or unit currently owning the case; empty until assigned.
   */
  'assignee'?: (string);
  'openedAt'?: (_google_protobuf_Timestamp | null);
  'acknowledgedAt'?: (_google_protobuf_Timestamp | null);
  'assignedAt'?: (_google_protobuf_Timestamp | null);
  'resolvedAt'?: (_google_protobuf_Timestamp | null);
  'closedAt'?: (_google_protobuf_Timestamp | null);
  'acknowledgement'?: (_collab_intake_v1_Acknowledgement | null);
  'externalRef'?: (string);
  /**
   * Version of the case stream this view reflects; grows with every recorded change.
   */
  'version'?: (number | string | Long);
}

/**
 * Case is the main line (事件/工单): one requester's matter, from opening to closing.
 */
export interface Case__Output {
  'id': (string);
  'number': (string);
  'status': (_collab_intake_v1_CaseStatus__Output);
  'audience': (_collab_intake_v1_Audience__Output);
  'requester': (_collab_intake_v1_Requester__Output | null);
  'requestType': (_collab_intake_v1_RequestType__Output);
  'category': (string);
  'subject': (string);
  'description': (string);
  'language': (string);
  'region': (string);
  'priority': (_collab_intake_v1_Priority__Output);
  'channel': (string);
  /**
   * Queue the case is routed to; empty until routed.
   */
  'queue': (string);
  /**
   * Agent or unit currently owning the case; empty until assigned.
   */
  'assignee': (string);
  'openedAt': (_google_protobuf_Timestamp__Output | null);
  'acknowledgedAt': (_google_protobuf_Timestamp__Output | null);
  'assignedAt': (_google_protobuf_Timestamp__Output | null);
  'resolvedAt': (_google_protobuf_Timestamp__Output | null);
  'closedAt': (_google_protobuf_Timestamp__Output | null);
  'acknowledgement': (_collab_intake_v1_Acknowledgement__Output | null);
  'externalRef': (string);
  /**
   * Version of the case stream this view reflects; grows with every recorded change.
   */
  'version': (string);
}
