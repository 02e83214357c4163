// Original file: proto/collab/data/v1/data_service.proto

import type { CubeSlice as _collab_data_v1_CubeSlice, CubeSlice__Output as _collab_data_v1_CubeSlice__Output } from '../../../collab/data/v1/CubeSlice';

export interface GetCubeResponse {
  'slice'?: (_collab_data_v1_CubeSlice | null);
}

export interface GetCubeResponse__Output {
  'slice': (_collab_data_v1_CubeSlice__Output | null);
}
