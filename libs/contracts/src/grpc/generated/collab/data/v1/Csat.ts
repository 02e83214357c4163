// Original file: proto/collab/data/v1/data_service.proto

import type { DoubleValue as _google_protobuf_DoubleValue, DoubleValue__Output as _google_protobuf_DoubleValue__Output } from '../../../google/protobuf/DoubleValue';

export interface Csat {
  'count'?: (number);
  'average'?: (_google_protobuf_DoubleValue | null);
}

export interface Csat__Output {
  'count': (number);
  'average': (_google_protobuf_DoubleValue__Output | null);
}
