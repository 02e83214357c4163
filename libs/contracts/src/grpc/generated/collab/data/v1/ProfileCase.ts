// Original file: proto/collab/data/v1/data_service.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { CasePromise as _collab_data_v1_CasePromise, CasePromise__Output as _collab_data_v1_CasePromise__Output } from '../../../collab/data/v1/CasePromise';
import type { DoubleValue as _google_protobuf_DoubleValue, DoubleValue__Output as _google_protobuf_DoubleValue__Output } from '../../../google/protobuf/DoubleValue';
import type { Leg as _collab_data_v1_Leg, Leg__Output as _collab_data_v1_Leg__Output } from '../../../collab/data/v1/Leg';

/**
 * ProfileCase: strings REST answers as null are empty here.
 */
export interface ProfileCase {
  'caseId'?: (string);
  'caseNumber'?: (string);
  'status'?: (string);
  'statusAt'?: (_google_protobuf_Timestamp | null);
  'openedAt'?: (_google_protobuf_Timestamp | null);
  'channel'?: (string);
  'category'?: (string);
  'requestType'?: (string);
  'priority'?: (string);
  'region'?: (string);
  'subject'?: (string);
  'promise'?: (_collab_data_v1_CasePromise | null);
  'csat'?: (_google_protobuf_DoubleValue | null);
  'legs'?: (_collab_data_v1_Leg)[];
}

/**
 * ProfileCase: strings REST answers as null are empty here.
 */
export interface ProfileCase__Output {
  'caseId': (string);
  'caseNumber': (string);
  'status': (string);
  'statusAt': (_google_protobuf_Timestamp__Output | null);
  'openedAt': (_google_protobuf_Timestamp__Output | null);
  'channel': (string);
  'category': (string);
  'requestType': (string);
  'priority': (string);
  'region': (string);
  'subject': (string);
  'promise': (_collab_data_v1_CasePromise__Output | null);
  'csat': (_google_protobuf_DoubleValue__Output | null);
  'legs': (_collab_data_v1_Leg__Output)[];
}
