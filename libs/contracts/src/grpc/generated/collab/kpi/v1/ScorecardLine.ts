// Original file: proto/collab/kpi/v1/kpi_service.proto

import type { Names as _collab_kpi_v1_Names, Names__Output as _collab_kpi_v1_Names__Output } from '../../../collab/kpi/v1/Names';
import type { DoubleValue as _google_protobuf_DoubleValue, DoubleValue__Output as _google_protobuf_DoubleValue__Output } from '../../../google/protobuf/DoubleValue';

export interface ScorecardLine {
  'kpiId'?: (string);
  'version'?: (number);
  'names'?: (_collab_kpi_v1_Names | null);
  'unitOfMeasure'?: (string);
  'value'?: (_google_protobuf_DoubleValue | null);
  'target'?: (_google_protobuf_DoubleValue | null);
  'warning'?: (_google_protobuf_DoubleValue | null);
  'direction'?: (string);
  'standing'?: (string);
}

export interface ScorecardLine__Output {
  'kpiId': (string);
  'version': (number);
  'names': (_collab_kpi_v1_Names__Output | null);
  'unitOfMeasure': (string);
  'value': (_google_protobuf_DoubleValue__Output | null);
  'target': (_google_protobuf_DoubleValue__Output | null);
  'warning': (_google_protobuf_DoubleValue__Output | null);
  'direction': (string);
  'standing': (string);
}
