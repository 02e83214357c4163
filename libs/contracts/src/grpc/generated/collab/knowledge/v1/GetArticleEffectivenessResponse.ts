// Original file: proto/collab/knowledge/v1/knowledge_service.proto

import type { ArticleEffectiveness as _collab_knowledge_v1_ArticleEffectiveness, ArticleEffectiveness__Output as _collab_knowledge_v1_ArticleEffectiveness__Output } from '../../../collab/knowledge/v1/ArticleEffectiveness';

export interface GetArticleEffectivenessResponse {
  'effectiveness'?: (_collab_knowledge_v1_ArticleEffectiveness | null);
}

export interface GetArticleEffectivenessResponse__Output {
  'effectiveness': (_collab_knowledge_v1_ArticleEffectiveness__Output | null);
}
