export { KnowledgeModule } from './knowledge.module';
export { knowledgeContract } from './knowledge.contract';
export { knowledgeReadModels } from './knowledge.read-models';
/** For bench/knowledge-search.bench.ts: the search itself and the relevance corpus. */
export { ArticleSearch } from './search/article-search';
export { CORPUS, QUERIES } from './search/relevance/corpus.fixture';
/** For the platform's specs: hands workflow's CaseResolved to knowledge again, as a redelivery would. */
export { CaseResolutionsConsumer } from './usage/case-resolutions.consumer';
