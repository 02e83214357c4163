// Original file: proto/collab/data/v1/data_service.proto


export interface LegTarget {
  /**
   * UNIT or PARTNER.
   */
  'kind'?: (string);
  'id'?: (string);
  'region'?: (string);
}

export interface LegTarget__Output {
  /**
   * UNIT or PARTNER.
   */
  'kind': (string);
  'id': (string);
  'region': (string);
}
