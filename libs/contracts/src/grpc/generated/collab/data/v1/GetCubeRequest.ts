// Original file: proto/collab/data/v1/data_service.proto


/**
 * GetCubeRequest: REST's query in lists; empty means "not given".
 */
export interface GetCubeRequest {
  /**
   * e.g. contacts, resolutionBusinessMinutes.
   */
  'measures'?: (string)[];
  /**
   * e.g. region.province, time.day; a hierarchy at a coarser level is its roll-up.
   */
  'dimensions'?: (string)[];
  /**
   * `dimension:value`, values separated by `|`, e.g. region.province:GD, channel:app|web (drill-down).
   */
  'filters'?: (string)[];
  /**
   * Start (inclusive), an ISO 8601 date or instant.
   */
  'from'?: (string);
  /**
   * End (exclusive), an ISO 8601 date or instant.
   */
  'to'?: (string);
}

/**
 * GetCubeRequest: REST's query in lists; empty means "not given".
 */
export interface GetCubeRequest__Output {
  /**
   * e.g. contacts, resolutionBusinessMinutes.
   */
  'measures': (string)[];
  /**
   * e.g. region.province, time.day; a hierarchy at a coarser level is its roll-up.
   */
  'dimensions': (string)[];
  /**
   * `dimension:value`, values separated by `|`, e.g. region.province:GD, channel:app|web (drill-down).
   */
  'filters': (string)[];
  /**
   * Start (inclusive), an ISO 8601 date or instant.
   */
  'from': (string);
  /**
   * End (exclusive), an ISO 8601 date or instant.
   */
  'to': (string);
}
