// Original file: proto/collab/data/v1/data_service.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface CasePromise {
  'firstResponseBy'?: (_google_protobuf_Timestamp | null);
  'resolutionBy'?: (_google_protobuf_Timestamp | null);
}

export interface CasePromise__Output {
  'firstResponseBy': (_google_protobuf_Timestamp__Output | null);
  'resolutionBy': (_google_protobuf_Timestamp__Output | null);
}
