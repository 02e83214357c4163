// Original file: proto/collab/knowledge/v1/knowledge_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetArticleEffectivenessRequest as _collab_knowledge_v1_GetArticleEffectivenessRequest, GetArticleEffectivenessRequest__Output as _collab_knowledge_v1_GetArticleEffectivenessRequest__Output } from '../../../collab/knowledge/v1/GetArticleEffectivenessRequest';
import type { GetArticleEffectivenessResponse as _collab_knowledge_v1_GetArticleEffectivenessResponse, GetArticleEffectivenessResponse__Output as _collab_knowledge_v1_GetArticleEffectivenessResponse__Output } from '../../../collab/knowledge/v1/GetArticleEffectivenessResponse';
import type { GetArticleRequest as _collab_knowledge_v1_GetArticleRequest, GetArticleRequest__Output as _collab_knowledge_v1_GetArticleRequest__Output } from '../../../collab/knowledge/v1/GetArticleRequest';
import type { GetArticleResponse as _collab_knowledge_v1_GetArticleResponse, GetArticleResponse__Output as _collab_knowledge_v1_GetArticleResponse__Output } from '../../../collab/knowledge/v1/GetArticleResponse';
import type { SearchRequest as _collab_knowledge_v1_SearchRequest, SearchRequest__Output as _collab_knowledge_v1_SearchRequest__Output } from '../../../collab/knowledge/v1/SearchRequest';
import type { SearchResponse as _collab_knowledge_v1_SearchResponse, SearchResponse__Output as _collab_knowledge_v1_SearchResponse__Output } from '../../../collab/knowledge/v1/SearchResponse';
import type { SuggestRequest as _collab_knowledge_v1_SuggestRequest, SuggestRequest__Output as _collab_knowledge_v1_SuggestRequest__Output } from '../../../collab/knowledge/v1/SuggestRequest';
import type { SuggestResponse as _collab_knowledge_v1_SuggestResponse, SuggestResponse__Output as _collab_knowledge_v1_SuggestResponse__Output } from '../../../collab/knowledge/v1/SuggestResponse';

/**
 * KnowledgeService answers questions about the knowledge base (统一服务) for other services and
 * partner systems: search, read one article, and suggest articles for a case's or contact's text.
 * Callers authenticate with a Bearer JWT in the `authorization` metadata; the caller's audience
 * (and partner) filters everything exactly as REST does: an article the caller may not see is
 * neither found, counted, suggested nor readable by id (NOT_FOUND, like a missing one).
 */
export interface KnowledgeServiceClient extends grpc.Client {
  /**
   * GetArticle returns the published version of one article.
   */
  GetArticle(argument: _collab_knowledge_v1_GetArticleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_knowledge_v1_GetArticleResponse__Output>): grpc.ClientUnaryCall;
  GetArticle(argument: _collab_knowledge_v1_GetArticleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_knowledge_v1_GetArticleResponse__Output>): grpc.ClientUnaryCall;
  GetArticle(argument: _collab_knowledge_v1_GetArticleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_knowledge_v1_GetArticleResponse__Output>): grpc.ClientUnaryCall;
  GetArticle(argument: _collab_knowledge_v1_GetArticleRequest, callback: grpc.requestCallback<_collab_knowledge_v1_GetArticleResponse__Output>): grpc.ClientUnaryCall;
  /**
   * GetArticle returns the published version of one article.
   */
  getArticle(argument: _collab_knowledge_v1_GetArticleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_knowledge_v1_GetArticleResponse__Output>): grpc.ClientUnaryCall;
  getArticle(argument: _collab_knowledge_v1_GetArticleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_knowledge_v1_GetArticleResponse__Output>): grpc.ClientUnaryCall;
  getArticle(argument: _collab_knowledge_v1_GetArticleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_knowledge_v1_GetArticleResponse__Output>): grpc.ClientUnaryCall;
  getArticle(argument: _collab_knowledge_v1_GetArticleRequest, callback: grpc.requestCallback<_collab_knowledge_v1_GetArticleResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetArticleEffectiveness returns how an article serves its readers, over all its versions. Only
   * the organisation's staff and analysts and the article's editors and reviewers may ask
   * (PERMISSION_DENIED for customers and partners' agents).
   */
  GetArticleEffectiveness(argument: _collab_knowledge_v1_GetArticleEffectivenessRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_knowledge_v1_GetArticleEffectivenessResponse__Output>): grpc.ClientUnaryCall;
  GetArticleEffectiveness(argument: _collab_knowledge_v1_GetArticleEffectivenessRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_knowledge_v1_GetArticleEffectivenessResponse__Output>): grpc.ClientUnaryCall;
  GetArticleEffectiveness(argument: _collab_knowledge_v1_GetArticleEffectivenessRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_knowledge_v1_GetArticleEffectivenessResponse__Output>): grpc.ClientUnaryCall;
  GetArticleEffectiveness(argument: _collab_knowledge_v1_GetArticleEffectivenessRequest, callback: grpc.requestCallback<_collab_knowledge_v1_GetArticleEffectivenessResponse__Output>): grpc.ClientUnaryCall;
  /**
   * GetArticleEffectiveness returns how an article serves its readers, over all its versions. Only
   * the organisation's staff and analysts and the article's editors and reviewers may ask
   * (PERMISSION_DENIED for customers and partners' agents).
   */
  getArticleEffectiveness(argument: _collab_knowledge_v1_GetArticleEffectivenessRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_knowledge_v1_GetArticleEffectivenessResponse__Output>): grpc.ClientUnaryCall;
  getArticleEffectiveness(argument: _collab_knowledge_v1_GetArticleEffectivenessRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_knowledge_v1_GetArticleEffectivenessResponse__Output>): grpc.ClientUnaryCall;
  getArticleEffectiveness(argument: _collab_knowledge_v1_GetArticleEffectivenessRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_knowledge_v1_GetArticleEffectivenessResponse__Output>): grpc.ClientUnaryCall;
  getArticleEffectiveness(argument: _collab_knowledge_v1_GetArticleEffectivenessRequest, callback: grpc.requestCallback<_collab_knowledge_v1_GetArticleEffectivenessResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Search pages through published articles, best match first, then the freshest.
   */
  Search(argument: _collab_knowledge_v1_SearchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_knowledge_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  Search(argument: _collab_knowledge_v1_SearchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_knowledge_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  Search(argument: _collab_knowledge_v1_SearchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_knowledge_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  Search(argument: _collab_knowledge_v1_SearchRequest, callback: grpc.requestCallback<_collab_knowledge_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Search pages through published articles, best match first, then the freshest.
   */
  search(argument: _collab_knowledge_v1_SearchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_knowledge_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  search(argument: _collab_knowledge_v1_SearchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_knowledge_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  search(argument: _collab_knowledge_v1_SearchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_knowledge_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  search(argument: _collab_knowledge_v1_SearchRequest, callback: grpc.requestCallback<_collab_knowledge_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Suggest returns the published articles most relevant to a case's or contact's text.
   */
  Suggest(argument: _collab_knowledge_v1_SuggestRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_knowledge_v1_SuggestResponse__Output>): grpc.ClientUnaryCall;
  Suggest(argument: _collab_knowledge_v1_SuggestRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_knowledge_v1_SuggestResponse__Output>): grpc.ClientUnaryCall;
  Suggest(argument: _collab_knowledge_v1_SuggestRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_knowledge_v1_SuggestResponse__Output>): grpc.ClientUnaryCall;
  Suggest(argument: _collab_knowledge_v1_SuggestRequest, callback: grpc.requestCallback<_collab_knowledge_v1_SuggestResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Suggest returns the published articles most relevant to a case's or contact's text.
   */
  suggest(argument: _collab_knowledge_v1_SuggestRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_knowledge_v1_SuggestResponse__Output>): grpc.ClientUnaryCall;
  suggest(argument: _collab_knowledge_v1_SuggestRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_collab_knowledge_v1_SuggestResponse__Output>): grpc.ClientUnaryCall;
  suggest(argument: _collab_knowledge_v1_SuggestRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_collab_knowledge_v1_SuggestResponse__Output>): grpc.ClientUnaryCall;
  suggest(argument: _collab_knowledge_v1_SuggestRequest, callback: grpc.requestCallback<_collab_knowledge_v1_SuggestResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * KnowledgeService answers questions about the knowledge base (统一服务) for other services and
 * partner systems: search, read one article, and suggest articles for a case's or contact's text.
 * Callers authenticate with a Bearer JWT in the `authorization` metadata; the caller's audience
 * (and partner) filters everything exactly as REST does: an article the caller may not see is
 * neither found, counted, suggested nor readable by id (NOT_FOUND, like a missing one).
 */
export interface KnowledgeServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * GetArticle returns the published version of one article.
   */
  GetArticle: grpc.handleUnaryCall<_collab_knowledge_v1_GetArticleRequest__Output, _collab_knowledge_v1_GetArticleResponse>;
  
  /**
   * GetArticleEffectiveness returns how an article serves its readers, over all its versions. Only
   * the organisation's staff and analysts and the article's editors and reviewers may ask
   * (PERMISSION_DENIED for customers and partners' agents).
   */
  GetArticleEffectiveness: grpc.handleUnaryCall<_collab_knowledge_v1_GetArticleEffectivenessRequest__Output, _collab_knowledge_v1_GetArticleEffectivenessResponse>;
  
  /**
   * Search pages through published articles, best match first, then the freshest.
   */
  Search: grpc.handleUnaryCall<_collab_knowledge_v1_SearchRequest__Output, _collab_knowledge_v1_SearchResponse>;
  
  /**
   * Suggest returns the published articles most relevant to a case's or contact's text.
   */
  Suggest: grpc.handleUnaryCall<_collab_knowledge_v1_SuggestRequest__Output, _collab_knowledge_v1_SuggestResponse>;
  
}

export interface KnowledgeServiceDefinition extends grpc.ServiceDefinition {
  GetArticle: MethodDefinition<_collab_knowledge_v1_GetArticleRequest, _collab_knowledge_v1_GetArticleResponse, _collab_knowledge_v1_GetArticleRequest__Output, _collab_knowledge_v1_GetArticleResponse__Output>
  GetArticleEffectiveness: MethodDefinition<_collab_knowledge_v1_GetArticleEffectivenessRequest, _collab_knowledge_v1_GetArticleEffectivenessResponse, _collab_knowledge_v1_GetArticleEffectivenessRequest__Output, _collab_knowledge_v1_GetArticleEffectivenessResponse__Output>
  Search: MethodDefinition<_collab_knowledge_v1_SearchRequest, _collab_knowledge_v1_SearchResponse, _collab_knowledge_v1_SearchRequest__Output, _collab_knowledge_v1_SearchResponse__Output>
  Suggest: MethodDefinition<_collab_knowledge_v1_SuggestRequest, _collab_knowledge_v1_SuggestResponse, _collab_knowledge_v1_SuggestRequest__Output, _collab_knowledge_v1_SuggestResponse__Output>
}
