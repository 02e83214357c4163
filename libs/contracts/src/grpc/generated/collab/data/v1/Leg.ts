// Original file: proto/collab/data/v1/data_service.proto

import type { LegTarget as _collab_data_v1_LegTarget, LegTarget__Output as _collab_data_v1_LegTarget__Output } from '../../../collab/data/v1/LegTarget';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { DoubleValue as _google_protobuf_DoubleValue, DoubleValue__Output as _google_protobuf_DoubleValue__Output } from '../../../google/protobuf/DoubleValue';
import type { Party as _collab_data_v1_Party, Party__Output as _collab_data_v1_Party__Output } from '../../../collab/data/v1/Party';

export interface Leg {
  'taskId'?: (string);
  'caseId'?: (string);
  /**
   * The id of `from`, whatever its kind: a queue, unit or partner id. Use `from`.
   * @deprecated
   */
  'fromUnit'?: (string);
  'to'?: (_collab_data_v1_LegTarget | null);
  'status'?: (string);
  'requestedAt'?: (_google_protobuf_Timestamp | null);
  'endedAt'?: (_google_protobuf_Timestamp | null);
  'turnaroundBusinessMinutes'?: (_google_protobuf_DoubleValue | null);
  /**
   * Who asked: the case's queue (QUEUE), or for a chain the parent task's holder (UNIT or PARTNER).
   */
  'from'?: (_collab_data_v1_Party | null);
}

export interface Leg__Output {
  'taskId': (string);
  'caseId': (string);
  /**
   * The id of `from`, whatever its kind: a queue, unit or partner id. Use `from`.
   * @deprecated
   */
  'fromUnit': (string);
  'to': (_collab_data_v1_LegTarget__Output | null);
  'status': (string);
  'requestedAt': (_google_protobuf_Timestamp__Output | null);
  'endedAt': (_google_protobuf_Timestamp__Output | null);
  'turnaroundBusinessMinutes': (_google_protobuf_DoubleValue__Output | null);
  /**
   * Who asked: the case's queue (QUEUE), or for a chain the parent task's holder (UNIT or PARTNER).
   */
  'from': (_collab_data_v1_Party__Output | null);
}
