// Original file: proto/collab/knowledge/v1/knowledge_service.proto


export interface GetArticleRequest {
  /**
   * The article's id (UUID).
   */
  'articleId'?: (string);
}

export interface GetArticleRequest__Output {
  /**
   * The article's id (UUID).
   */
  'articleId': (string);
}
