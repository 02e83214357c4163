// Original file: proto/collab/knowledge/v1/knowledge_service.proto

import type { SearchHit as _collab_knowledge_v1_SearchHit, SearchHit__Output as _collab_knowledge_v1_SearchHit__Output } from '../../../collab/knowledge/v1/SearchHit';

export interface SuggestResponse {
  'suggestions'?: (_collab_knowledge_v1_SearchHit)[];
}

export interface SuggestResponse__Output {
  'suggestions': (_collab_knowledge_v1_SearchHit__Output)[];
}
