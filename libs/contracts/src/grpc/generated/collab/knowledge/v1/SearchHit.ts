// Original file: proto/collab/knowledge/v1/knowledge_service.proto

import type { ArticleType as _collab_knowledge_v1_ArticleType, ArticleType__Output as _collab_knowledge_v1_ArticleType__Output } from '../../../collab/knowledge/v1/ArticleType';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

/**
 * SearchHit is one published article found, with a snippet whose matches are in <mark>.
 */
export interface SearchHit {
  'id'?: (string);
  'knowledgePointId'?: (string);
  'version'?: (number);
  'title'?: (string);
  'summary'?: (string);
  'type'?: (_collab_knowledge_v1_ArticleType);
  'language'?: (string);
  'nodeId'?: (string);
  'tags'?: (string)[];
  'publishedAt'?: (_google_protobuf_Timestamp | null);
  /**
   * HTML-safe text; matches are wrapped in <mark>.
   */
  'snippet'?: (string);
  'score'?: (number | string);
}

/**
 * SearchHit is one published article found, with a snippet whose matches are in <mark>.
 */
export interface SearchHit__Output {
  'id': (string);
  'knowledgePointId': (string);
  'version': (number);
  'title': (string);
  'summary': (string);
  'type': (_collab_knowledge_v1_ArticleType__Output);
  'language': (string);
  'nodeId': (string);
  'tags': (string)[];
  'publishedAt': (_google_protobuf_Timestamp__Output | null);
  /**
   * HTML-safe text; matches are wrapped in <mark>.
   */
  'snippet': (string);
  'score': (number);
}
