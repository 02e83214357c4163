import { knowledgeLanguage, readerFor, type PublicMessage } from '@collab/contracts';
import type { SqlExecutor } from '@collab/messaging';
import { recordFact } from './fact-store';

export const KNOWLEDGE_FACT_TYPES = ['ArticlePublished'] as const;
export const knowledgeReader = readerFor(knowledgeLanguage, { only: KNOWLEDGE_FACT_TYPES });
type KnowledgeMessage = PublicMessage<typeof knowledgeLanguage, (typeof KNOWLEDGE_FACT_TYPES)[number]>;

/** Each published article version is a fact; its id, title and language let the profile name the articles a case used. */
export const applyKnowledgeFact = (tx: SqlExecutor, message: KnowledgeMessage): Promise<void> => {
  const { articleId, version, title, language, type, publishedAt } = message.data;
  return recordFact(tx, { eventId: message.envelope.id, source: 'knowledge', kind: 'ARTICLE_PUBLISHED', at: publishedAt, detail: { articleId, version, title, language, type } });
};
