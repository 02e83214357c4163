import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { ARTICLE_AUDIENCES, ARTICLE_LIMITS, ARTICLE_TYPES, MAP_NODE_ID_PATTERN } from '@collab/knowledge-domain';
import { pageQueryShape } from '@collab/service-kit';

/**
 * Shapes and outer bounds only; the decider checks lengths in characters after NFC normalisation
 * and every rule between fields, and names each failing field the same way.
 */
const text = (max: number) => z.string().max(max * 2, { message: `must be at most ${max} characters` });
const isoDate = z.string().max(40).refine((value) => !Number.isNaN(Date.parse(value)), { message: 'must be an ISO 8601 date or time' });

export const articleContentFields = {
  title: text(ARTICLE_LIMITS.title.max),
  body: text(ARTICLE_LIMITS.body.max),
  summary: text(ARTICLE_LIMITS.summary.max).default(''),
  type: z.enum(ARTICLE_TYPES),
  nodeId: z.string().regex(MAP_NODE_ID_PATTERN, { message: 'must be a knowledge-map node id' }),
  audiences: z.array(z.enum(ARTICLE_AUDIENCES)).min(1, { message: 'must name at least one of EXTERNAL, INTERNAL, PARTNER' }).max(3),
  partners: z.array(z.string().min(1).max(100)).max(ARTICLE_LIMITS.partners).optional(),
  language: z.string().max(35),
  tags: z.array(z.string().max(ARTICLE_LIMITS.tag.max * 2)).max(ARTICLE_LIMITS.tags).default([]),
  effectiveFrom: isoDate.optional(),
  expiresAt: isoDate.optional(),
  reviewIntervalDays: z.number().int().min(ARTICLE_LIMITS.reviewIntervalDays.min).max(ARTICLE_LIMITS.reviewIntervalDays.max).optional(),
};

export const draftArticleSchema = z
  .object({
    ...articleContentFields,
    /** The article this one translates: both become one knowledge point. */
    translationOf: z.uuid({ message: 'must be an article id' }).optional(),
  })
  .strict();
export class DraftArticleRequest extends createZodDto(draftArticleSchema) {}

/** PUT: the new version's whole content. */
export const replaceArticleSchema = z.object(articleContentFields).strict();
export class ReplaceArticleRequest extends createZodDto(replaceArticleSchema) {}

/** PATCH: only what changes; `null` clears an optional field. */
export const patchArticleSchema = z
  .object({
    title: articleContentFields.title.optional(),
    body: articleContentFields.body.optional(),
    summary: text(ARTICLE_LIMITS.summary.max).optional(),
    type: articleContentFields.type.optional(),
    nodeId: articleContentFields.nodeId.optional(),
    audiences: articleContentFields.audiences.optional(),
    partners: articleContentFields.partners.unwrap().nullable().optional(),
    language: articleContentFields.language.optional(),
    tags: z.array(z.string().max(ARTICLE_LIMITS.tag.max * 2)).max(ARTICLE_LIMITS.tags).optional(),
    effectiveFrom: isoDate.nullable().optional(),
    expiresAt: isoDate.nullable().optional(),
    reviewIntervalDays: articleContentFields.reviewIntervalDays.unwrap().nullable().optional(),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: 'must change at least one field' });
export class PatchArticleRequest extends createZodDto(patchArticleSchema) {}

export const rejectArticleSchema = z.object({ reason: z.string().max(2_000) }).strict();
export class RejectArticleRequest extends createZodDto(rejectArticleSchema) {}

export const archiveArticleSchema = z.object({ reason: z.string().max(2_000).optional() }).strict();
export class ArchiveArticleRequest extends createZodDto(archiveArticleSchema) {}

export const diffQuerySchema = z
  .object({
    from: z.coerce.number().int().min(1, { message: 'must be a version number' }),
    to: z.coerce.number().int().min(1, { message: 'must be a version number' }),
  })
  .strict();
export class DiffQuery extends createZodDto(diffQuerySchema) {}

export const versionsQuerySchema = z.strictObject(pageQueryShape);
export class VersionsQuery extends createZodDto(versionsQuerySchema) {}
