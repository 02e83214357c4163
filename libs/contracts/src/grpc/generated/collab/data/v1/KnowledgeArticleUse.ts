// Original file: proto/collab/data/v1/data_service.proto


export interface KnowledgeArticleUse {
  'articleId'?: (string);
  'title'?: (string);
  'language'?: (string);
  /**
   * USED: a resolution used it.
   */
  'use'?: (string);
  'caseIds'?: (string)[];
}

export interface KnowledgeArticleUse__Output {
  'articleId': (string);
  'title': (string);
  'language': (string);
  /**
   * USED: a resolution used it.
   */
  'use': (string);
  'caseIds': (string)[];
}
