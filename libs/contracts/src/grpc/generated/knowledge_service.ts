import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Article as _collab_knowledge_v1_Article, Article__Output as _collab_knowledge_v1_Article__Output } from './collab/knowledge/v1/Article';
import type { ArticleEffectiveness as _collab_knowledge_v1_ArticleEffectiveness, ArticleEffectiveness__Output as _collab_knowledge_v1_ArticleEffectiveness__Output } from './collab/knowledge/v1/ArticleEffectiveness';
import type { GetArticleEffectivenessRequest as _collab_knowledge_v1_GetArticleEffectivenessRequest, GetArticleEffectivenessRequest__Output as _collab_knowledge_v1_GetArticleEffectivenessRequest__Output } from './collab/knowledge/v1/GetArticleEffectivenessRequest';
import type { GetArticleEffectivenessResponse as _collab_knowledge_v1_GetArticleEffectivenessResponse, GetArticleEffectivenessResponse__Output as _collab_knowledge_v1_GetArticleEffectivenessResponse__Output } from './collab/knowledge/v1/GetArticleEffectivenessResponse';
import type { GetArticleRequest as _collab_knowledge_v1_GetArticleRequest, GetArticleRequest__Output as _collab_knowledge_v1_GetArticleRequest__Output } from './collab/knowledge/v1/GetArticleRequest';
import type { GetArticleResponse as _collab_knowledge_v1_GetArticleResponse, GetArticleResponse__Output as _collab_knowledge_v1_GetArticleResponse__Output } from './collab/knowledge/v1/GetArticleResponse';
import type { KnowledgeServiceClient as _collab_knowledge_v1_KnowledgeServiceClient, KnowledgeServiceDefinition as _collab_knowledge_v1_KnowledgeServiceDefinition } from './collab/knowledge/v1/KnowledgeService';
import type { SearchHit as _collab_knowledge_v1_SearchHit, SearchHit__Output as _collab_knowledge_v1_SearchHit__Output } from './collab/knowledge/v1/SearchHit';
import type { SearchRequest as _collab_knowledge_v1_SearchRequest, SearchRequest__Output as _collab_knowledge_v1_SearchRequest__Output } from './collab/knowledge/v1/SearchRequest';
import type { SearchResponse as _collab_knowledge_v1_SearchResponse, SearchResponse__Output as _collab_knowledge_v1_SearchResponse__Output } from './collab/knowledge/v1/SearchResponse';
import type { SuggestRequest as _collab_knowledge_v1_SuggestRequest, SuggestRequest__Output as _collab_knowledge_v1_SuggestRequest__Output } from './collab/knowledge/v1/SuggestRequest';
import type { SuggestResponse as _collab_knowledge_v1_SuggestResponse, SuggestResponse__Output as _collab_knowledge_v1_SuggestResponse__Output } from './collab/knowledge/v1/SuggestResponse';
import type { BoolValue as _google_protobuf_BoolValue, BoolValue__Output as _google_protobuf_BoolValue__Output } from './google/protobuf/BoolValue';
import type { BytesValue as _google_protobuf_BytesValue, BytesValue__Output as _google_protobuf_BytesValue__Output } from './google/protobuf/BytesValue';
import type { DoubleValue as _google_protobuf_DoubleValue, DoubleValue__Output as _google_protobuf_DoubleValue__Output } from './google/protobuf/DoubleValue';
import type { FloatValue as _google_protobuf_FloatValue, FloatValue__Output as _google_protobuf_FloatValue__Output } from './google/protobuf/FloatValue';
import type { Int32Value as _google_protobuf_Int32Value, Int32Value__Output as _google_protobuf_Int32Value__Output } from './google/protobuf/Int32Value';
import type { Int64Value as _google_protobuf_Int64Value, Int64Value__Output as _google_protobuf_Int64Value__Output } from './google/protobuf/Int64Value';
import type { StringValue as _google_protobuf_StringValue, StringValue__Output as _google_protobuf_StringValue__Output } from './google/protobuf/StringValue';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { UInt32Value as _google_protobuf_UInt32Value, UInt32Value__Output as _google_protobuf_UInt32Value__Output } from './google/protobuf/UInt32Value';
import type { UInt64Value as _google_protobuf_UInt64Value, UInt64Value__Output as _google_protobuf_UInt64Value__Output } from './google/protobuf/UInt64Value';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  collab: {
    knowledge: {
      v1: {
        Article: MessageTypeDefinition<_collab_knowledge_v1_Article, _collab_knowledge_v1_Article__Output>
        ArticleAudience: EnumTypeDefinition
        ArticleEffectiveness: MessageTypeDefinition<_collab_knowledge_v1_ArticleEffectiveness, _collab_knowledge_v1_ArticleEffectiveness__Output>
        ArticleType: EnumTypeDefinition
        GetArticleEffectivenessRequest: MessageTypeDefinition<_collab_knowledge_v1_GetArticleEffectivenessRequest, _collab_knowledge_v1_GetArticleEffectivenessRequest__Output>
        GetArticleEffectivenessResponse: MessageTypeDefinition<_collab_knowledge_v1_GetArticleEffectivenessResponse, _collab_knowledge_v1_GetArticleEffectivenessResponse__Output>
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
      BoolValue: MessageTypeDefinition<_google_protobuf_BoolValue, _google_protobuf_BoolValue__Output>
      BytesValue: MessageTypeDefinition<_google_protobuf_BytesValue, _google_protobuf_BytesValue__Output>
      DoubleValue: MessageTypeDefinition<_google_protobuf_DoubleValue, _google_protobuf_DoubleValue__Output>
      FloatValue: MessageTypeDefinition<_google_protobuf_FloatValue, _google_protobuf_FloatValue__Output>
      Int32Value: MessageTypeDefinition<_google_protobuf_Int32Value, _google_protobuf_Int32Value__Output>
      Int64Value: MessageTypeDefinition<_google_protobuf_Int64Value, _google_protobuf_Int64Value__Output>
      StringValue: MessageTypeDefinition<_google_protobuf_StringValue, _google_protobuf_StringValue__Output>
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
      UInt32Value: MessageTypeDefinition<_google_protobuf_UInt32Value, _google_protobuf_UInt32Value__Output>
      UInt64Value: MessageTypeDefinition<_google_protobuf_UInt64Value, _google_protobuf_UInt64Value__Output>
    }
  }
}

