// Original file: proto/collab/knowledge/v1/knowledge_service.proto

/**
 * ArticleType: 产品/政策/服务/流程/平台/行业.
 */
export const ArticleType = {
  ARTICLE_TYPE_UNSPECIFIED: 'ARTICLE_TYPE_UNSPECIFIED',
  ARTICLE_TYPE_PRODUCT: 'ARTICLE_TYPE_PRODUCT',
  ARTICLE_TYPE_POLICY: 'ARTICLE_TYPE_POLICY',
  ARTICLE_TYPE_SERVICE: 'ARTICLE_TYPE_SERVICE',
  ARTICLE_TYPE_PROCESS: 'ARTICLE_TYPE_PROCESS',
  ARTICLE_TYPE_PLATFORM: 'ARTICLE_TYPE_PLATFORM',
  ARTICLE_TYPE_INDUSTRY: 'ARTICLE_TYPE_INDUSTRY',
} as const;

/**
 * ArticleType: 产品/政策/服务/流程/平台/行业.
 */
export type ArticleType =
  | 'ARTICLE_TYPE_UNSPECIFIED'
  | 0
  | 'ARTICLE_TYPE_PRODUCT'
  | 1
  | 'ARTICLE_TYPE_POLICY'
  | 2
  | 'ARTICLE_TYPE_SERVICE'
  | 3
  | 'ARTICLE_TYPE_PROCESS'
  | 4
  | 'ARTICLE_TYPE_PLATFORM'
  | 5
  | 'ARTICLE_TYPE_INDUSTRY'
  | 6

/**
 * ArticleType: 产品/政策/服务/流程/平台/行业.
 */
export type ArticleType__Output = typeof ArticleType[keyof typeof ArticleType]
