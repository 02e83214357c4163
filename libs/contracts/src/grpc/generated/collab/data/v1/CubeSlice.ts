// Original file: proto/collab/data/v1/data_service.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Values as _collab_data_v1_Values, Values__Output as _collab_data_v1_Values__Output } from '../../../collab/data/v1/Values';
import type { CubeRow as _collab_data_v1_CubeRow, CubeRow__Output as _collab_data_v1_CubeRow__Output } from '../../../collab/data/v1/CubeRow';

export interface CubeSlice {
  'from'?: (_google_protobuf_Timestamp | null);
  'to'?: (_google_protobuf_Timestamp | null);
  'measures'?: (string)[];
  'dimensions'?: (string)[];
  /**
   * The values each filtered dimension is restricted to.
   */
  'filters'?: ({[key: string]: _collab_data_v1_Values});
  'rows'?: (_collab_data_v1_CubeRow)[];
  'totals'?: (_collab_data_v1_CubeRow | null);
  /**
   * Per dimension, the finer level it drills down to.
   */
  'drillDown'?: ({[key: string]: string});
  /**
   * Per dimension, the coarser level it rolls up to.
   */
  'rollUp'?: ({[key: string]: string});
}

export interface CubeSlice__Output {
  'from': (_google_protobuf_Timestamp__Output | null);
  'to': (_google_protobuf_Timestamp__Output | null);
  'measures': (string)[];
  'dimensions': (string)[];
  /**
   * The values each filtered dimension is restricted to.
   */
  'filters': ({[key: string]: _collab_data_v1_Values__Output});
  'rows': (_collab_data_v1_CubeRow__Output)[];
  'totals': (_collab_data_v1_CubeRow__Output | null);
  /**
   * Per dimension, the finer level it drills down to.
   */
  'drillDown': ({[key: string]: string});
  /**
   * Per dimension, the coarser level it rolls up to.
   */
  'rollUp': ({[key: string]: string});
}
