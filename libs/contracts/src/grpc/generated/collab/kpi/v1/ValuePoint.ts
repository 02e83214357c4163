// Original file: proto/collab/kpi/v1/kpi_service.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { DoubleValue as _google_protobuf_DoubleValue, DoubleValue__Output as _google_protobuf_DoubleValue__Output } from '../../../google/protobuf/DoubleValue';

export interface ValuePoint {
  /**
   * The start of the bucket.
   */
  'bucket'?: (_google_protobuf_Timestamp | null);
  'value'?: (_google_protobuf_DoubleValue | null);
  'numerator'?: (_google_protobuf_DoubleValue | null);
  'denominator'?: (_google_protobuf_DoubleValue | null);
  'samples'?: (number);
  /**
   * MET, WARNING, BREACHED, NO_TARGET or NO_DATA.
   */
  'standing'?: (string);
}

export interface ValuePoint__Output {
  /**
   * The start of the bucket.
   */
  'bucket': (_google_protobuf_Timestamp__Output | null);
  'value': (_google_protobuf_DoubleValue__Output | null);
  'numerator': (_google_protobuf_DoubleValue__Output | null);
  'denominator': (_google_protobuf_DoubleValue__Output | null);
  'samples': (number);
  /**
   * MET, WARNING, BREACHED, NO_TARGET or NO_DATA.
   */
  'standing': (string);
}
