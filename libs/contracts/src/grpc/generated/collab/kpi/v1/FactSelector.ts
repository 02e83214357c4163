// Original file: proto/collab/kpi/v1/kpi_service.proto

import type { Filter as _collab_kpi_v1_Filter, Filter__Output as _collab_kpi_v1_Filter__Output } from '../../../collab/kpi/v1/Filter';

/**
 * FactSelector: facts of one kind (CASE_OPENED, TASK_RETURNED, …), optionally filtered.
 */
export interface FactSelector {
  'fact'?: (string);
  'where'?: (_collab_kpi_v1_Filter)[];
}

/**
 * FactSelector: facts of one kind (CASE_OPENED, TASK_RETURNED, …), optionally filtered.
 */
export interface FactSelector__Output {
  'fact': (string);
  'where': (_collab_kpi_v1_Filter__Output)[];
}
