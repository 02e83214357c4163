// Original file: proto/collab/intake/v1/intake_service.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Attachment is a reference to content stored elsewhere; the platform keeps only the link.
 */
export interface Attachment {
  'name'?: (string);
  /**
   * IANA media type, e.g. "image/png".
   */
  'mediaType'?: (string);
  'sizeBytes'?: (number | string | Long);
  'uri'?: (string);
}

/**
 * Attachment is a reference to content stored elsewhere; the platform keeps only the link.
 */
export interface Attachment__Output {
  'name': (string);
  /**
   * IANA media type, e.g. "image/png".
   */
  'mediaType': (string);
  'sizeBytes': (string);
  'uri': (string);
}
