// Original file: proto/collab/kpi/v1/kpi_service.proto

import type { Names as _collab_kpi_v1_Names, Names__Output as _collab_kpi_v1_Names__Output } from '../../../collab/kpi/v1/Names';
import type { Measure as _collab_kpi_v1_Measure, Measure__Output as _collab_kpi_v1_Measure__Output } from '../../../collab/kpi/v1/Measure';
import type { Filter as _collab_kpi_v1_Filter, Filter__Output as _collab_kpi_v1_Filter__Output } from '../../../collab/kpi/v1/Filter';
import type { DoubleValue as _google_protobuf_DoubleValue, DoubleValue__Output as _google_protobuf_DoubleValue__Output } from '../../../google/protobuf/DoubleValue';

export interface Kpi {
  'id'?: (string);
  'version'?: (number);
  /**
   * ACTIVE or RETIRED.
   */
  'status'?: (string);
  'builtIn'?: (boolean);
  'versions'?: (number)[];
  'names'?: (_collab_kpi_v1_Names | null);
  'description'?: (string);
  'dimensions'?: (string)[];
  'measure'?: (_collab_kpi_v1_Measure | null);
  'filters'?: (_collab_kpi_v1_Filter)[];
  'unitOfMeasure'?: (string);
  'target'?: (_google_protobuf_DoubleValue | null);
  'warning'?: (_google_protobuf_DoubleValue | null);
  /**
   * HIGHER_IS_BETTER or LOWER_IS_BETTER.
   */
  'direction'?: (string);
  'granularities'?: (string)[];
}

export interface Kpi__Output {
  'id': (string);
  'version': (number);
  /**
   * ACTIVE or RETIRED.
   */
  'status': (string);
  'builtIn': (boolean);
  'versions': (number)[];
  'names': (_collab_kpi_v1_Names__Output | null);
  'description': (string);
  'dimensions': (string)[];
  'measure': (_collab_kpi_v1_Measure__Output | null);
  'filters': (_collab_kpi_v1_Filter__Output)[];
  'unitOfMeasure': (string);
  'target': (_google_protobuf_DoubleValue__Output | null);
  'warning': (_google_protobuf_DoubleValue__Output | null);
  /**
   * HIGHER_IS_BETTER or LOWER_IS_BETTER.
   */
  'direction': (string);
  'granularities': (string)[];
}
