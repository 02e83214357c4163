// Original file: proto/collab/knowledge/v1/knowledge_service.proto

import type { ArticleType as _collab_knowledge_v1_ArticleType, ArticleType__Output as _collab_knowledge_v1_ArticleType__Output } from '../../../collab/knowledge/v1/ArticleType';
import type { ArticleAudience as _collab_knowledge_v1_ArticleAudience, ArticleAudience__Output as _collab_knowledge_v1_ArticleAudience__Output } from '../../../collab/knowledge/v1/ArticleAudience';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

/**
 * Article is the published version of an article.
 */
export interface Article {
  'id'?: (string);
  'knowledgePointId'?: (string);
  'version'?: (number);
  'title'?: (string);
  'summary'?: (string);
  /**
   * Markdown.
   */
  'body'?: (string);
  'type'?: (_collab_knowledge_v1_ArticleType);
  'nodeId'?: (string);
  'audiences'?: (_collab_knowledge_v1_ArticleAudience)[];
  /**
   * Narrows PARTNER to these partner organisations; empty means every partner.
   */
  'partners'?: (string)[];
  'language'?: (string);
  'tags'?: (string)[];
  'effectiveFrom'?: (_google_protobuf_Timestamp | null);
  'expiresAt'?: (_google_protobuf_Timestamp | null);
}

/**
 * Article is the published version of an article.
 */
export interface Article__Output {
  'id': (string);
  'knowledgePointId': (string);
  'version': (number);
  'title': (string);
  'summary': (string);
  /**
   * Markdown.
   */
  'body': (string);
  'type': (_collab_knowledge_v1_ArticleType__Output);
  'nodeId': (string);
  'audiences': (_collab_knowledge_v1_ArticleAudience__Output)[];
  /**
   * Narrows PARTNER to these partner organisations; empty means every partner.
   */
  'partners': (string)[];
  'language': (string);
  'tags': (string)[];
  'effectiveFrom': (_google_protobuf_Timestamp__Output | null);
  'expiresAt': (_google_protobuf_Timestamp__Output | null);
}
