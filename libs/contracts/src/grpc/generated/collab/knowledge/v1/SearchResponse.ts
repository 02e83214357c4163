// Original file: proto/collab/knowledge/v1/knowledge_service.proto

import type { SearchHit as _collab_knowledge_v1_SearchHit, SearchHit__Output as _collab_knowledge_v1_SearchHit__Output } from '../../../collab/knowledge/v1/SearchHit';

export interface SearchResponse {
  /**
   * How many articles the caller may see match, across all pages.
   */
  'total'?: (number);
  'page'?: (number);
  'pageSize'?: (number);
  'results'?: (_collab_knowledge_v1_SearchHit)[];
}

export interface SearchResponse__Output {
  /**
   * How many articles the caller may see match, across all pages.
   */
  'total': (number);
  'page': (number);
  'pageSize': (number);
  'results': (_collab_knowledge_v1_SearchHit__Output)[];
}
