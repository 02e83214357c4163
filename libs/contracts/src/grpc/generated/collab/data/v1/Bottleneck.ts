// Original file: proto/collab/data/v1/data_service.proto


export interface Bottleneck {
  'from'?: (string);
  'to'?: (string);
  /**
   * TURNAROUND and/or RETURNS.
   */
  'reasons'?: (string)[];
}

export interface Bottleneck__Output {
  'from': (string);
  'to': (string);
  /**
   * TURNAROUND and/or RETURNS.
   */
  'reasons': (string)[];
}
