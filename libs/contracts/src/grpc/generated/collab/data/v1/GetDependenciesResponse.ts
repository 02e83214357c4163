// Original file: proto/collab/data/v1/data_service.proto

import type { DependencyMap as _collab_data_v1_DependencyMap, DependencyMap__Output as _collab_data_v1_DependencyMap__Output } from '../../../collab/data/v1/DependencyMap';

export interface GetDependenciesResponse {
  'map'?: (_collab_data_v1_DependencyMap | null);
}

export interface GetDependenciesResponse__Output {
  'map': (_collab_data_v1_DependencyMap__Output | null);
}
