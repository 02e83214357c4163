// Original file: proto/collab/kpi/v1/kpi_service.proto


/**
 * Filter keeps the facts whose `field` is one of `values`.
 */
export interface Filter {
  'field'?: (string);
  'values'?: (string)[];
}

/**
 * Filter keeps the facts whose `field` is one of `values`.
 */
export interface Filter__Output {
  'field': (string);
  'values': (string)[];
}
