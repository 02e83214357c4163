// Original file: proto/collab/data/v1/data_service.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

/**
 * GetDependenciesRequest: the window; all time where neither is given.
 */
export interface GetDependenciesRequest {
  'from'?: (_google_protobuf_Timestamp | null);
  'to'?: (_google_protobuf_Timestamp | null);
}

/**
 * GetDependenciesRequest: the window; all time where neither is given.
 */
export interface GetDependenciesRequest__Output {
  'from': (_google_protobuf_Timestamp__Output | null);
  'to': (_google_protobuf_Timestamp__Output | null);
}
