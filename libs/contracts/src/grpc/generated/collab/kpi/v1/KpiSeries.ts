// Original file: proto/collab/kpi/v1/kpi_service.proto

import type { Names as _collab_kpi_v1_Names, Names__Output as _collab_kpi_v1_Names__Output } from '../../../collab/kpi/v1/Names';
import type { DoubleValue as _google_protobuf_DoubleValue, DoubleValue__Output as _google_protobuf_DoubleValue__Output } from '../../../google/protobuf/DoubleValue';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { ValuePoint as _collab_kpi_v1_ValuePoint, ValuePoint__Output as _collab_kpi_v1_ValuePoint__Output } from '../../../collab/kpi/v1/ValuePoint';

export interface KpiSeries {
  'kpiId'?: (string);
  'version'?: (number);
  'names'?: (_collab_kpi_v1_Names | null);
  'unitOfMeasure'?: (string);
  'direction'?: (string);
  'target'?: (_google_protobuf_DoubleValue | null);
  'warning'?: (_google_protobuf_DoubleValue | null);
  'scope'?: (string);
  'granularity'?: (string);
  'from'?: (_google_protobuf_Timestamp | null);
  'to'?: (_google_protobuf_Timestamp | null);
  'values'?: (_collab_kpi_v1_ValuePoint)[];
}

export interface KpiSeries__Output {
  'kpiId': (string);
  'version': (number);
  'names': (_collab_kpi_v1_Names__Output | null);
  'unitOfMeasure': (string);
  'direction': (string);
  'target': (_google_protobuf_DoubleValue__Output | null);
  'warning': (_google_protobuf_DoubleValue__Output | null);
  'scope': (string);
  'granularity': (string);
  'from': (_google_protobuf_Timestamp__Output | null);
  'to': (_google_protobuf_Timestamp__Output | null);
  'values': (_collab_kpi_v1_ValuePoint__Output)[];
}
