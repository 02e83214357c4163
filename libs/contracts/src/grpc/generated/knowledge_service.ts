import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Article as _collab_knowledge_v1_Article, Article__Output as _collab_knowledge_v1_Article__Output } from './collab/knowledge/v1/Article';
import type { GetArticleRequest as _collab_knowledge_v1_GetArticleRequest, GetArticleRequest__Output as _collab_knowledge_v1_GetArticleRequest__Output } from './collab/knowledge/v1/GetArticleRequest';
import type { GetArticleResponse as _collab_knowledge_v1_GetArticleResponse, GetArticleResponse__Output as _collab_knowledge_v1_GetArticleResponse__Output } from './collab/knowledge/v1/GetArticleResponse';
import type { KnowledgeServiceClient as _collab_knowledge_v1_KnowledgeServiceClient, KnowledgeServiceDefinition as _collab_knowledge_v1_KnowledgeServiceDefinition } from './collab/knowledge/v1/KnowledgeService';
import type { SearchHit as _collab_knowledge_v1_SearchHit, SearchHit__Output as _collab_knowledge_v1_SearchHit__Output } from './collab/knowledge/v1/SearchHit';
import type { SearchRequest as _collab_knowledge_v1_SearchRequest, SearchRequest__Output as _collab_knowledge_v1_SearchRequest__Output } from './collab/knowledge/v1/SearchRequest';
import type { SearchResponse as _collab_knowledge_v1_SearchResponse, SearchResponse__Output as _collab_knowledge_v1_SearchResponse__Output } from './collab/knowledge/v1/SearchResponse';
import type { SuggestRequest as _collab_knowledge_v1_SuggestRequest, SuggestRequest__Output as _collab_knowledge_v1_SuggestRequest__Output } from './collab/knowledge/v1/SuggestRequest';
import type { SuggestResponse as _collab_knowledge_v1_SuggestResponse, SuggestResponse__Output as _collab_knowledge_v1_SuggestResponse__Output } from './collab/knowledge/v1/SuggestResponse';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  collab: {
    knowledge: {
      v1: {
        Article: MessageTypeDefinition<_collab_knowledge_v1_Article, _collab_knowledge_v1_Article__Output>
        ArticleAudience: EnumTypeDefinition
        ArticleType: EnumTypeDefinition
        GetArticleRequest: MessageTypeDefinition<_collab_knowledge_v1_GetArticleRequest, _collab_knowledge_v1_GetArticleRequest__Output>
        GetArticleResponse: MessageTypeDefinition<_collab_knowledge_v1_GetArticleResponse, _collab_knowledge_v1_GetArticleResponse__Output>
        /**
         * KnowledgeService answers questions about the knowledge base (统一服务) for other services and
         * partner systems: search, read one article, and suggest articles for a case's or contact's text.
         * Callers authenticate with a Bearer JWT in the `authorization` metadata; the caller's audience
         * (and partner) filters everything exactly as REST does: an article the caller may not see is
         * neither found, counted, suggested nor readable by id (NOT_FOUND, like a missing one).
         */
        KnowledgeService: SubtypeConstructor<typeof grpc.Client, _collab_knowledge_v1_KnowledgeServiceClient> & { service: _collab_knowledge_v1_KnowledgeServiceDefinition }
        SearchHit: MessageTypeDefinition<_collab_knowledge_v1_SearchHit, _collab_knowledge_v1_SearchHit__Output>
        SearchRequest: MessageTypeDefinition<_collab_knowledge_v1_SearchRequest, _collab_knowledge_v1_SearchRequest__Output>
        SearchResponse: MessageTypeDefinition<_collab_knowledge_v1_SearchResponse, _collab_knowledge_v1_SearchResponse__Output>
        SuggestRequest: MessageTypeDefinition<_collab_knowledge_v1_SuggestRequest, _collab_knowledge_v1_SuggestRequest__Output>
        SuggestResponse: MessageTypeDefinition<_collab_knowledge_v1_SuggestResponse, _collab_knowledge_v1_SuggestResponse__Output>
      }
    }
  }
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
}

