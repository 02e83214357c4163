import type { Provider, Type } from '@nestjs/common';
import { ArticleCommands } from './articles/article-commands';
import { ArticleReader } from './articles/article-reader';
import { DraftArticleHttp } from './articles/draft-article/draft-article.http';
import { EditArticleHttp } from './articles/edit-article/edit-article.http';
import { ReadArticleHttp } from './articles/read-article/read-article.http';
import { ReviewArticleHttp } from './articles/review-article/review-article.http';
import { KnowledgeMap } from './knowledge-map/knowledge-map';
import { ManageMapHttp } from './knowledge-map/manage-map/manage-map.http';
import { ReadMapHttp } from './knowledge-map/read-map/read-map.http';
import { ArticlePoints } from './search/article-points';
import { ArticleSearch } from './search/article-search';
import { ArticleSearchProjection } from './search/article-search.projection';
import { SearchHttp } from './search/search.http';
import { ArticleSuggestions } from './search/article-suggestions';
import { SearchVocabulary } from './search/search-vocabulary';
import { ArticleGrpcMethods } from './grpc/article-methods.grpc';
import { KnowledgeServiceGrpc } from './grpc/knowledge-service.grpc';
import { ArticleTimerDispatcher } from './review/article-timer.dispatcher';
import { ArticleTimerFiring } from './review/article-timer.firing';
import { ArticleTimerProjection } from './review/article-timer.projection';
import { ArticleTimerTable } from './review/article-timer.table';
import { ReviewQueueHttp } from './review/review-queue.http';
import { SuggestionsHttp } from './suggestions/suggestions.http';
import { ResolveSelfServiceHttp } from './self-service/resolve-self-service.http';
import { ReviewQueueProjection } from './review/review-queue.projection';
import { ArticleUsageProjection } from './usage/article-usage.projection';
import { GiveFeedbackHttp } from './usage/give-feedback.http';
import { ArticleEffectivenessReader } from './usage/article-effectiveness';
import { ArticleEffectivenessProjection } from './usage/article-effectiveness.projection';
import { CaseResolutionsConsumer } from './usage/case-resolutions.consumer';
import { EffectivenessHttp } from './usage/effectiveness.http';
import { RecordViewHttp } from './usage/record-view.http';

export const KNOWLEDGE_PROVIDERS: readonly Provider[] = [KnowledgeMap, ArticleCommands, ArticleReader, ArticlePoints, ArticleSearch, ArticleSearchProjection,
  ArticleSuggestions, SearchVocabulary, KnowledgeServiceGrpc, ArticleGrpcMethods,
  ArticleTimerProjection, ArticleTimerTable, ArticleTimerFiring, ArticleTimerDispatcher, ReviewQueueProjection, ArticleUsageProjection,
  ArticleEffectivenessProjection, ArticleEffectivenessReader, CaseResolutionsConsumer,
];

// SearchHttp before the article routes: Express tries routes in the order they are registered.
export const KNOWLEDGE_CONTROLLERS: readonly Type[] = [SearchHttp, ReviewQueueHttp, SuggestionsHttp, ResolveSelfServiceHttp, ReadMapHttp, ManageMapHttp, DraftArticleHttp, EditArticleHttp, ReviewArticleHttp, GiveFeedbackHttp, RecordViewHttp, EffectivenessHttp, ReadArticleHttp];
