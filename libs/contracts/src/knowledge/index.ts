import { publishedLanguage } from '../published-language/published-language';
import { articleArchivedV1 } from './article-archived.v1';
import { articleExpiredV1 } from './article-expired.v1';
import { articlePublishedV1 } from './article-published.v1';
import { selfServiceResolvedV1 } from './self-service-resolved.v1';

export { articleArchivedV1, articleExpiredV1, articlePublishedV1, selfServiceResolvedV1 };

/** What knowledge publishes on `collab.knowledge.events.v1`, newest version of each type first. */
export const knowledgeLanguage = publishedLanguage('knowledge', {
  ArticlePublished: articlePublishedV1,
  ArticleExpired: articleExpiredV1,
  ArticleArchived: articleArchivedV1,
  SelfServiceResolved: selfServiceResolvedV1,
});
