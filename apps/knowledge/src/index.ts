export { KnowledgeModule } from './knowledge.module';
export { knowledgeContract } from './knowledge.contract';
export { knowledgeReadModels } from './knowledge.read-models';
/** For bench/knowledge-search.bench.ts: the search itself and the relevance corpus. */
export { ArticleSearch } from './search/article-search';
export { CORPUS, QUERIES } from './search/relevance/corpus.fixture';
