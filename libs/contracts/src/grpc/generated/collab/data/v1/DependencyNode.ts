// Original file: proto/collab/data/v1/data_service.proto


export interface DependencyNode {
  'id'?: (string);
  /**
   * UNIT or PARTNER.
   */
  'kind'?: (string);
}

export interface DependencyNode__Output {
  'id': (string);
  /**
   * UNIT or PARTNER.
   */
  'kind': (string);
}
