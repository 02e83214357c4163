import {
  articleArchivedV1,
  articleExpiredV1,
  articlePublishedV1,
  knowledgeLanguage,
  publish,
  selfServiceResolvedV1,
  serviceContract,
  type ServiceContract,
} from '@collab/contracts';
import type { ArticleEvent, SelfServiceResolved } from '@collab/knowledge-domain';

/**
 * What knowledge publishes on `collab.knowledge.events.v1` (libs/contracts/src/knowledge): what
 * readers can now see or no longer see, and customers' self-service resolutions. Drafts, edits and reviews stay inside, and so does the
 * body (readers fetch it); the map is not published yet.
 */
export const knowledgeContract: ServiceContract = serviceContract<ArticleEvent | SelfServiceResolved>(knowledgeLanguage, {
  ArticlePublished: ({ content: { body: _body, ...content }, ...published }) => publish(articlePublishedV1, { ...published, ...content }),
  ArticleExpired: (data) => publish(articleExpiredV1, data),
  ArticleArchived: ({ by, ...archived }) => publish(articleArchivedV1, { ...archived, archivedBy: by }),
  SelfServiceResolved: (data) => publish(selfServiceResolvedV1, data),
});
