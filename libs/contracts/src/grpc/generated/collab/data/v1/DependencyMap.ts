// Original file: proto/collab/data/v1/data_service.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { DependencyNode as _collab_data_v1_DependencyNode, DependencyNode__Output as _collab_data_v1_DependencyNode__Output } from '../../../collab/data/v1/DependencyNode';
import type { DependencyEdge as _collab_data_v1_DependencyEdge, DependencyEdge__Output as _collab_data_v1_DependencyEdge__Output } from '../../../collab/data/v1/DependencyEdge';
import type { Bottleneck as _collab_data_v1_Bottleneck, Bottleneck__Output as _collab_data_v1_Bottleneck__Output } from '../../../collab/data/v1/Bottleneck';

export interface DependencyMap {
  'from'?: (_google_protobuf_Timestamp | null);
  'to'?: (_google_protobuf_Timestamp | null);
  'nodes'?: (_collab_data_v1_DependencyNode)[];
  'edges'?: (_collab_data_v1_DependencyEdge)[];
  'bottlenecks'?: (_collab_data_v1_Bottleneck)[];
}

export interface DependencyMap__Output {
  'from': (_google_protobuf_Timestamp__Output | null);
  'to': (_google_protobuf_Timestamp__Output | null);
  'nodes': (_collab_data_v1_DependencyNode__Output)[];
  'edges': (_collab_data_v1_DependencyEdge__Output)[];
  'bottlenecks': (_collab_data_v1_Bottleneck__Output)[];
}
