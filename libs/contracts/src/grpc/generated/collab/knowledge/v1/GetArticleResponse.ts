// Original file: proto/collab/knowledge/v1/knowledge_service.proto

import type { Article as _collab_knowledge_v1_Article, Article__Output as _collab_knowledge_v1_Article__Output } from '../../../collab/knowledge/v1/Article';

export interface GetArticleResponse {
  'article'?: (_collab_knowledge_v1_Article | null);
}

export interface GetArticleResponse__Output {
  'article': (_collab_knowledge_v1_Article__Output | null);
}
