// Original file: proto/collab/kpi/v1/kpi_service.proto


export interface GetScorecardRequest {
  /**
   * unit, partner or channel.
   */
  'kind'?: (string);
  'id'?: (string);
  /**
   * YYYY-MM (UTC); the current month when empty.
   */
  'month'?: (string);
}

export interface GetScorecardRequest__Output {
  /**
   * unit, partner or channel.
   */
  'kind': (string);
  'id': (string);
  /**
   * YYYY-MM (UTC); the current month when empty.
   */
  'month': (string);
}
