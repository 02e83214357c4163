import type { MigrationClass } from '@collab/service-kit';
import { ArticleSearch } from './0001-article-search.migration';

/** Knowledge's read-model migrations in the order they were released; append, never edit. */
export const KNOWLEDGE_MIGRATIONS: readonly MigrationClass[] = [ArticleSearch];
