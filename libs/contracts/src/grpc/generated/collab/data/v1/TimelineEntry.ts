// Original file: proto/collab/data/v1/data_service.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface TimelineEntry {
  'at'?: (_google_protobuf_Timestamp | null);
  'source'?: (string);
  'kind'?: (string);
  'caseId'?: (string);
  'taskId'?: (string);
  'channel'?: (string);
}

export interface TimelineEntry__Output {
  'at': (_google_protobuf_Timestamp__Output | null);
  'source': (string);
  'kind': (string);
  'caseId': (string);
  'taskId': (string);
  'channel': (string);
}
