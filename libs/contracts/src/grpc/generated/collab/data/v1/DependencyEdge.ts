// Original file: proto/collab/data/v1/data_service.proto

import type { DependencyNode as _collab_data_v1_DependencyNode, DependencyNode__Output as _collab_data_v1_DependencyNode__Output } from '../../../collab/data/v1/DependencyNode';
import type { DoubleValue as _google_protobuf_DoubleValue, DoubleValue__Output as _google_protobuf_DoubleValue__Output } from '../../../google/protobuf/DoubleValue';

export interface DependencyEdge {
  'from'?: (string);
  'to'?: (_collab_data_v1_DependencyNode | null);
  'volume'?: (number);
  'returned'?: (number);
  /**
   * Median request → completion or return in business minutes; absent while none ended.
   */
  'medianTurnaroundBusinessMinutes'?: (_google_protobuf_DoubleValue | null);
  'pingPongs'?: (number);
  'returnRate'?: (number | string);
}

export interface DependencyEdge__Output {
  'from': (string);
  'to': (_collab_data_v1_DependencyNode__Output | null);
  'volume': (number);
  'returned': (number);
  /**
   * Median request → completion or return in business minutes; absent while none ended.
   */
  'medianTurnaroundBusinessMinutes': (_google_protobuf_DoubleValue__Output | null);
  'pingPongs': (number);
  'returnRate': (number);
}
