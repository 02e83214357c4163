import { z } from 'zod';
import { answerSchema, instant, listPageSchema } from '@collab/service-kit';

/**
 * What the knowledge base's REST API answers. Article content is documented by its stable
 * fields and left open for the rest (`additionalProperties` allowed).
 */

const content = { title: z.string(), body: z.string(), summary: z.string(), type: z.string(), nodeId: z.string(), audiences: z.array(z.string()) };

export const editorArticleSchema = answerSchema(
  'EditorArticle',
  z.object({
    id: z.string(),
    knowledgePointId: z.string(),
    status: z.string(),
    latestVersion: z.number().int(),
    live: z.looseObject({ ...content, version: z.number().int() }).optional(),
    pending: z.looseObject({ ...content, version: z.number().int(), stage: z.string(), authors: z.array(z.string()) }).optional(),
  }),
);

const publishedArticle = answerSchema(
  'PublishedArticle',
  z.looseObject({ ...content, id: z.string(), knowledgePointId: z.string(), status: z.literal('published'), version: z.number().int() }),
);
export const articleSchema = answerSchema('Article', z.union([publishedArticle, editorArticleSchema]));

export const versionSchema = answerSchema(
  'ArticleVersion',
  z.looseObject({ ...content, version: z.number().int(), author: z.string(), writtenAt: instant, stage: z.string() }),
);
export const versionListSchema = listPageSchema('ArticleVersionList', versionSchema);

export const versionDiffSchema = answerSchema(
  'VersionDiff',
  z.object({
    from: z.number().int(),
    to: z.number().int(),
    fields: z.array(z.object({ field: z.string(), from: z.unknown().optional(), to: z.unknown().optional() })),
    body: z.array(z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() })),
  }),
);

const mapNodeFields = { nodeId: z.string(), parentId: z.string().optional(), names: z.record(z.string(), z.string()), status: z.enum(['active', 'retired']) };
/** A node of the knowledge map with its active children, as every node operation answers it. */
export const mapNodeSchema: z.ZodType = answerSchema(
  'MapNode',
  z.object({
    ...mapNodeFields,
    get children() {
      return z.array(mapNodeSchema);
    },
  }),
);
export const mapTreeSchema = listPageSchema('MapTree', mapNodeSchema);

const reviewQueueEntrySchema = answerSchema(
  'ReviewQueueEntry',
  z.strictObject({
    id: z.string(),
    version: z.number().int(),
    reason: z.enum(['REVIEW_DUE', 'EXPIRED']).meta({ description: 'REVIEW_DUE: its review interval has passed since publication; EXPIRED: its expiry date came.' }),
    title: z.string(),
    language: z.string(),
    nodeId: z.string(),
    dueAt: instant,
  }),
);
export type ReviewQueueEntry = z.infer<typeof reviewQueueEntrySchema>;
export const reviewQueueSchema = listPageSchema('ReviewQueue', reviewQueueEntrySchema);

const searchHitSchema = answerSchema(
  'SearchHit',
  z.object({
    id: z.string(),
    knowledgePointId: z.string(),
    version: z.number().int(),
    title: z.string(),
    summary: z.string(),
    type: z.string(),
    language: z.string(),
    nodeId: z.string(),
    tags: z.array(z.string()),
    publishedAt: instant,
    snippet: z.string(),
    score: z.number(),
  }),
);

export type SearchHit = z.infer<typeof searchHitSchema>;

/** A page of search results: `page.next` is the next page's cursor (`?after=`), `page.total` counts only what the caller may see. */
export const searchResultsSchema = listPageSchema('SearchResults', searchHitSchema);

export const suggestionsSchema = answerSchema('ArticleSuggestions', z.object({ suggestions: z.array(searchHitSchema) }));
export type Suggestions = z.infer<typeof suggestionsSchema>;

export const selfServiceResolutionSchema = answerSchema(
  'SelfServiceResolution',
  z.object({ resolutionId: z.string(), articleId: z.string(), customerId: z.string() }),
);
export type SelfServiceResolution = z.infer<typeof selfServiceResolutionSchema>;

export const articleFeedbackAnswerSchema = answerSchema(
  'ArticleFeedback',
  z.strictObject({
    articleId: z.string(),
    version: z.number().int().meta({ description: 'The published version the vote is about.' }),
    helpful: z.boolean(),
  }),
);
export type ArticleFeedbackAnswer = z.infer<typeof articleFeedbackAnswerSchema>;

export const articleViewAnswerSchema = answerSchema(
  'ArticleView',
  z.strictObject({
    viewId: z.string().meta({ description: 'Send it again on a retry: the view is counted once.' }),
    articleId: z.string(),
    version: z.number().int().meta({ description: 'The published version that was read.' }),
  }),
);
export type ArticleViewAnswer = z.infer<typeof articleViewAnswerSchema>;

const usageCounts = {
  views: z.number().int(),
  helpful: z.number().int().meta({ description: 'Readers who said it helped (a changed mind counts once, as its last answer).' }),
  unhelpful: z.number().int(),
  usedToResolve: z.number().int().meta({ description: 'Cases an agent resolved citing it, each case once.' }),
  selfServiceResolutions: z.number().int().meta({ description: 'Customers who answered "this solved it" instead of opening a case.' }),
};

export const articleEffectivenessSchema = answerSchema(
  'ArticleEffectiveness',
  z.strictObject({
    articleId: z.string(),
    ...usageCounts,
    helpfulnessRate: z.number().nullable().meta({ description: 'helpful / (helpful + unhelpful); null until someone voted.' }),
  }),
);
export type ArticleEffectivenessAnswer = z.infer<typeof articleEffectivenessSchema>;

const unhelpfulArticleSchema = answerSchema(
  'UnhelpfulArticle',
  z.strictObject({ articleId: z.string(), title: z.string(), language: z.string(), nodeId: z.string(), views: z.number().int(), unhelpful: z.number().int() }),
);
export type UnhelpfulArticle = z.infer<typeof unhelpfulArticleSchema>;
export const unhelpfulArticlesSchema = listPageSchema('UnhelpfulArticles', unhelpfulArticleSchema);
