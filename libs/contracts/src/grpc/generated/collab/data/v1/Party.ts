// Original file: proto/collab/data/v1/data_service.proto


/**
 * A queue, unit or partner of the org directory (ids are unique across the three kinds).
 */
export interface Party {
  /**
   * QUEUE, UNIT or PARTNER.
   */
  'kind'?: (string);
  'id'?: (string);
}

/**
 * A queue, unit or partner of the org directory (ids are unique across the three kinds).
 */
export interface Party__Output {
  /**
   * QUEUE, UNIT or PARTNER.
   */
  'kind': (string);
  'id': (string);
}
