import type { ArticleAudience } from './article-content';

/** Who is reading, as far as knowledge cares: the caller's audience and, for partner staff, their organisation. */
export interface Reader {
  readonly audience: ArticleAudience;
  readonly partner?: string;
}

/**
 * Which audiences a reader sees. Staff serve customers and manage partners, so they see every
 * audience; partner staff serve their own customers too, so they see external articles and the
 * partner articles meant for every partner or for their organisation; customers see external ones.
 */
export const visibleTo = (reader: Reader, article: { readonly audiences: readonly ArticleAudience[]; readonly partners?: readonly string[] }): boolean => {
  switch (reader.audience) {
    case 'INTERNAL':
      return true;
    case 'EXTERNAL':
      return article.audiences.includes('EXTERNAL');
    case 'PARTNER':
      return (
        article.audiences.includes('EXTERNAL') ||
        (article.audiences.includes('PARTNER') && (article.partners === undefined || (reader.partner !== undefined && article.partners.includes(reader.partner))))
      );
    default:
      return false;
  }
};

/** Published content is in effect from its effective date until its expiry date (both optional). */
export const inEffect = (content: { readonly effectiveFrom?: string; readonly expiresAt?: string }, now: Date): boolean =>
  (content.effectiveFrom === undefined || Date.parse(content.effectiveFrom) <= now.getTime()) &&
  (content.expiresAt === undefined || Date.parse(content.expiresAt) > now.getTime());
