// Original file: proto/collab/kpi/v1/kpi_service.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

/**
 * GetValuesRequest: empty strings and zeros mean "not given".
 */
export interface GetValuesRequest {
  'kpiId'?: (string);
  /**
   * `whole` (the default) or `<dimension>:<id>`, e.g. `unit:gd-billing`, `partner:reseller-1`.
   */
  'scope'?: (string);
  /**
   * Start of the period (inclusive).
   */
  'from'?: (_google_protobuf_Timestamp | null);
  /**
   * End of the period (exclusive).
   */
  'to'?: (_google_protobuf_Timestamp | null);
  /**
   * minute, hour, day or month.
   */
  'granularity'?: (string);
  /**
   * A particular definition version; the newest when 0.
   */
  'version'?: (number);
}

/**
 * GetValuesRequest: empty strings and zeros mean "not given".
 */
export interface GetValuesRequest__Output {
  'kpiId': (string);
  /**
   * `whole` (the default) or `<dimension>:<id>`, e.g. `unit:gd-billing`, `partner:reseller-1`.
   */
  'scope': (string);
  /**
   * Start of the period (inclusive).
   */
  'from': (_google_protobuf_Timestamp__Output | null);
  /**
   * End of the period (exclusive).
   */
  'to': (_google_protobuf_Timestamp__Output | null);
  /**
   * minute, hour, day or month.
   */
  'granularity': (string);
  /**
   * A particular definition version; the newest when 0.
   */
  'version': (number);
}
