// Original file: proto/collab/knowledge/v1/knowledge_service.proto


export interface GetArticleEffectivenessRequest {
  /**
   * The article's id (UUID).
   */
  'articleId'?: (string);
}

export interface GetArticleEffectivenessRequest__Output {
  /**
   * The article's id (UUID).
   */
  'articleId': (string);
}
