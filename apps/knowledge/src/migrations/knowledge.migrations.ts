import type { MigrationClass } from '@collab/service-kit';
import { ArticleSearch } from './0001-article-search.migration';
import { ReviewTimers } from './0002-review-timers.migration';
import { SearchVocabulary } from './0003-search-vocabulary.migration';
import { ArticleUsage } from './0004-article-usage.migration';
import { ArticleEffectiveness } from './0005-article-effectiveness.migration';

/** Knowledge's read-model migrations in the order they were released; append, never edit. */
export const KNOWLEDGE_MIGRATIONS: readonly MigrationClass[] = [ArticleSearch, ReviewTimers, SearchVocabulary, ArticleUsage, ArticleEffectiveness];
