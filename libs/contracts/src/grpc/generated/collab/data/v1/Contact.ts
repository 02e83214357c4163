// Original file: proto/collab/data/v1/data_service.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface Contact {
  'at'?: (_google_protobuf_Timestamp | null);
  'channel'?: (string);
  'channelKind'?: (string);
  'caseId'?: (string);
  'subject'?: (string);
}

export interface Contact__Output {
  'at': (_google_protobuf_Timestamp__Output | null);
  'channel': (string);
  'channelKind': (string);
  'caseId': (string);
  'subject': (string);
}
