import {
  articleArchivedV1,
  articleExpiredV1,
  articlePublishedV1,
  knowledgeLanguage,
  publish,
  serviceContract,
  type ServiceContract,
} from '@collab/contracts';
import type { ArticleEvent } from '@collab/knowledge-domain';

/**
 * What knowledge publishes on `collab.knowledge.events.v1` (libs/contracts/src/knowledge): what
 * readers can now see or no longer see. Drafts, edits and reviews stay inside, and so does the
 * body (readers fetch it); the map is not published yet.
 */
export const knowledgeContract: ServiceContract = serviceContract<ArticleEvent>(knowledgeLanguage, {
  ArticlePublished: ({ content: { body: _body, ...content }, ...published }) => publish(articlePublishedV1, { ...published, ...content }),
  ArticleExpired: (data) => publish(articleExpiredV1, data),
  ArticleArchived: ({ by, ...archived }) => publish(articleArchivedV1, { ...archived, archivedBy: by }),
});
