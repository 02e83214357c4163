// Original file: proto/collab/knowledge/v1/knowledge_service.proto

import type { ArticleType as _collab_knowledge_v1_ArticleType, ArticleType__Output as _collab_knowledge_v1_ArticleType__Output } from '../../../collab/knowledge/v1/ArticleType';

/**
 * SearchRequest: empty strings and zeros mean "not given".
 */
export interface SearchRequest {
  /**
   * What to search for, 1 to 200 characters.
   */
  'q'?: (string);
  /**
   * A BCP 47 language tag such as zh-Hant, ja, fi or en; `zh` matches zh-Hans and zh-Hant.
   */
  'lang'?: (string);
  'type'?: (_collab_knowledge_v1_ArticleType);
  /**
   * A knowledge-map node: the node and everything under it.
   */
  'node'?: (string);
  'tag'?: (string);
  /**
   * From 1 (default 1).
   */
  'page'?: (number);
  /**
   * 1 to 50 (default 10).
   */
  'pageSize'?: (number);
}

/**
 * SearchRequest: empty strings and zeros mean "not given".
 */
export interface SearchRequest__Output {
  /**
   * What to search for, 1 to 200 characters.
   */
  'q': (string);
  /**
   * A BCP 47 language tag such as zh-Hant, ja, fi or en; `zh` matches zh-Hans and zh-Hant.
   */
  'lang': (string);
  'type': (_collab_knowledge_v1_ArticleType__Output);
  /**
   * A knowledge-map node: the node and everything under it.
   */
  'node': (string);
  'tag': (string);
  /**
   * From 1 (default 1).
   */
  'page': (number);
  /**
   * 1 to 50 (default 10).
   */
  'pageSize': (number);
}
