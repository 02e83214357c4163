// Original file: proto/collab/knowledge/v1/knowledge_service.proto

import type { DoubleValue as _google_protobuf_DoubleValue, DoubleValue__Output as _google_protobuf_DoubleValue__Output } from '../../../google/protobuf/DoubleValue';

/**
 * ArticleEffectiveness: 知识效果, counted from views, votes, resolved cases and self-service.
 */
export interface ArticleEffectiveness {
  'articleId'?: (string);
  'views'?: (number);
  /**
   * Readers who said it helped; a reader who changed their mind counts as their last answer.
   */
  'helpful'?: (number);
  'unhelpful'?: (number);
  /**
   * Cases an agent resolved citing the article, each case once.
   */
  'usedToResolve'?: (number);
  /**
   * Customers who answered "this solved it" instead of opening a case.
   */
  'selfServiceResolutions'?: (number);
  /**
   * helpful / (helpful + unhelpful); absent until someone voted.
   */
  'helpfulnessRate'?: (_google_protobuf_DoubleValue | null);
}

/**
 * ArticleEffectiveness: 知识效果, counted from views, votes, resolved cases and self-service.
 */
export interface ArticleEffectiveness__Output {
  'articleId': (string);
  'views': (number);
  /**
   * Readers who said it helped; a reader who changed their mind counts as their last answer.
   */
  'helpful': (number);
  'unhelpful': (number);
  /**
   * Cases an agent resolved citing the article, each case once.
   */
  'usedToResolve': (number);
  /**
   * Customers who answered "this solved it" instead of opening a case.
   */
  'selfServiceResolutions': (number);
  /**
   * helpful / (helpful + unhelpful); absent until someone voted.
   */
  'helpfulnessRate': (_google_protobuf_DoubleValue__Output | null);
}
