import type { FieldError } from '@collab/domain-kernel';
import { LANGUAGE_TAG, normalisedText, textErrors } from '../shared-values';

/** 产品/政策/服务/流程/平台/行业 */
export const ARTICLE_TYPES = ['PRODUCT', 'POLICY', 'SERVICE', 'PROCESS', 'PLATFORM', 'INDUSTRY'] as const;
export type ArticleType = (typeof ARTICLE_TYPES)[number];

export const ARTICLE_AUDIENCES = ['EXTERNAL', 'INTERNAL', 'PARTNER'] as const;
export type ArticleAudience = (typeof ARTICLE_AUDIENCES)[number];

export const ARTICLE_LIMITS = {
  title: { min: 1, max: 200 },
  summary: { min: 0, max: 1_000 },
  body: { min: 1, max: 100_000 },
  tag: { min: 1, max: 50 },
  tags: 30,
  partners: 100,
  reviewIntervalDays: { min: 1, max: 3_650 },
} as const;

/** What one version of an article says and who it is for. */
export interface ArticleContent {
  readonly title: string;
  /** Markdown. */
  readonly body: string;
  readonly summary: string;
  readonly type: ArticleType;
  /** The knowledge-map node the article sits at. */
  readonly nodeId: string;
  readonly audiences: readonly ArticleAudience[];
  /** Narrows PARTNER to these partner organisations; absent means every partner. */
  readonly partners?: readonly string[];
  readonly language: string;
  readonly tags: readonly string[];
  /** ISO dates (`2026-12-01`) or times. */
  readonly effectiveFrom?: string;
  readonly expiresAt?: string;
  readonly reviewIntervalDays?: number;
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** NFC texts, tags lower-cased and unique, audiences in their canonical order: equal content compares equal. */
export const normalisedContent = (content: ArticleContent): ArticleContent => ({
  ...content,
  title: normalisedText(content.title),
  body: content.body.normalize('NFC').replace(/\r\n?/g, '\n'),
  summary: normalisedText(content.summary),
  audiences: ARTICLE_AUDIENCES.filter((audience) => content.audiences.includes(audience)),
  ...(content.partners === undefined ? {} : { partners: unique(content.partners.map(normalisedText)).sort() }),
  tags: unique(content.tags.map((tag) => normalisedText(tag).toLocaleLowerCase())),
});

const validTime = (value: string | undefined): boolean => value === undefined || !Number.isNaN(Date.parse(value));

const audienceErrors = (content: ArticleContent): FieldError[] => [
  ...(content.audiences.length === 0 ? [{ field: 'audiences', message: 'must name at least one of EXTERNAL, INTERNAL, PARTNER' }] : []),
  ...(content.partners !== undefined && !content.audiences.includes('PARTNER')
    ? [{ field: 'partners', message: 'narrows the PARTNER audience, so it needs PARTNER among the audiences' }]
    : []),
  ...(content.partners !== undefined && (content.partners.length === 0 || content.partners.length > ARTICLE_LIMITS.partners)
    ? [{ field: 'partners', message: `must name 1 to ${ARTICLE_LIMITS.partners} partners, or be left out for all` }]
    : []),
];

const intervalErrors = (interval: number | undefined): FieldError[] => {
  const { min, max } = ARTICLE_LIMITS.reviewIntervalDays;
  return interval !== undefined && (!Number.isInteger(interval) || interval < min || interval > max)
    ? [{ field: 'reviewIntervalDays', message: `must be a whole number of days from ${min} to ${max}` }]
    : [];
};

const dateErrors = (content: ArticleContent): FieldError[] => {
  const errors: FieldError[] = [];
  if (!validTime(content.effectiveFrom)) errors.push({ field: 'effectiveFrom', message: 'must be an ISO 8601 date or time' });
  if (!validTime(content.expiresAt)) errors.push({ field: 'expiresAt', message: 'must be an ISO 8601 date or time' });
  if (errors.length === 0 && content.effectiveFrom !== undefined && content.expiresAt !== undefined && Date.parse(content.expiresAt) <= Date.parse(content.effectiveFrom))
    errors.push({ field: 'expiresAt', message: 'must come after effectiveFrom' });
  return [...errors, ...intervalErrors(content.reviewIntervalDays)];
};

const tagErrors = (tags: readonly string[]): FieldError[] => [
  ...(tags.length > ARTICLE_LIMITS.tags ? [{ field: 'tags', message: `must be at most ${ARTICLE_LIMITS.tags} tags` }] : []),
  ...tags.flatMap((tag, index) => textErrors(`tags.${index}`, tag, ARTICLE_LIMITS.tag)),
];

/** Every invalid field of (normalised) content, named. */
export const contentErrors = (content: ArticleContent): FieldError[] => [
  ...textErrors('title', content.title, ARTICLE_LIMITS.title),
  ...textErrors('summary', content.summary, ARTICLE_LIMITS.summary),
  ...textErrors('body', content.body, ARTICLE_LIMITS.body),
  ...(ARTICLE_TYPES.includes(content.type) ? [] : [{ field: 'type', message: `must be one of ${ARTICLE_TYPES.join(', ')}` }]),
  ...(LANGUAGE_TAG.test(content.language) ? [] : [{ field: 'language', message: 'must be a BCP 47 language tag such as zh-Hans, ja, fi or en' }]),
  ...audienceErrors(content),
  ...tagErrors(content.tags),
  ...dateErrors(content),
];

const canonical = (content: ArticleContent): string =>
  JSON.stringify(Object.entries(content).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Field by field, whatever order the fields arrived in. */
export const sameContent = (a: ArticleContent, b: ArticleContent): boolean => canonical(a) === canonical(b);
