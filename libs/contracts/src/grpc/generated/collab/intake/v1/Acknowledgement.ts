// Original file: proto/collab/intake/v1/intake_service.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

/**
 * Acknowledgement is the honest promise made when the contact is accepted.
 */
export interface Acknowledgement {
  'expectedFirstResponseAt'?: (_google_protobuf_Timestamp | null);
  'expectedResolutionAt'?: (_google_protobuf_Timestamp | null);
}

/**
 * Acknowledgement is the honest promise made when the contact is accepted.
 */
export interface Acknowledgement__Output {
  'expectedFirstResponseAt': (_google_protobuf_Timestamp__Output | null);
  'expectedResolutionAt': (_google_protobuf_Timestamp__Output | null);
}
