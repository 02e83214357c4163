// Original file: proto/collab/knowledge/v1/knowledge_service.proto

/**
 * ArticleAudience: who an article is written for.
 */
export const ArticleAudience = {
  ARTICLE_AUDIENCE_UNSPECIFIED: 'ARTICLE_AUDIENCE_UNSPECIFIED',
  ARTICLE_AUDIENCE_EXTERNAL: 'ARTICLE_AUDIENCE_EXTERNAL',
  ARTICLE_AUDIENCE_INTERNAL: 'ARTICLE_AUDIENCE_INTERNAL',
  ARTICLE_AUDIENCE_PARTNER: 'ARTICLE_AUDIENCE_PARTNER',
} as const;

/**
 * ArticleAudience: who an article is written for.
 */
export type ArticleAudience =
  | 'ARTICLE_AUDIENCE_UNSPECIFIED'
  | 0
  | 'ARTICLE_AUDIENCE_EXTERNAL'
  | 1
  | 'ARTICLE_AUDIENCE_INTERNAL'
  | 2
  | 'ARTICLE_AUDIENCE_PARTNER'
  | 3

/**
 * ArticleAudience: who an article is written for.
 */
export type ArticleAudience__Output = typeof ArticleAudience[keyof typeof ArticleAudience]
