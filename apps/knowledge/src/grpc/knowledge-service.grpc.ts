import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ZodType } from 'zod';
import { fromProtoEnum, loadProtos, toProtoEnum, toTimestamp, type knowledgeV1 } from '@collab/contracts';
import { ValidationFailed } from '@collab/domain-kernel';
import { GrpcServices, defined, fieldErrorsOf, unary, type Principal } from '@collab/service-kit';
import { ArticleSearch } from '../search/article-search';
import { ArticleSuggestions } from '../search/article-suggestions';
import { EFFECTIVENESS_READERS } from '../knowledge-roles';
import { ArticleGrpcMethods } from './article-methods.grpc';
import { grpcSearchSchema } from '../search/search.request';
import { suggestionRequestSchema } from '../suggestions/suggestion.request';
import type { SearchHit } from '../knowledge.answers';

/** proto3 has no "absent": the empty string and zero mean the field was not sent. */
const text = (value: string): string | undefined => (value === '' ? undefined : value);
const count = (value: number): number | undefined => (value === 0 ? undefined : value);
const snakeCase = (field: string): string => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
/** An enum value the proto does not name decodes as its number: passed on for the schema to refuse by field. */
const enumOf = (prefix: string, value: string | number): unknown =>
  typeof value === 'number' ? (value === 0 ? undefined : value) : value.endsWith('_UNSPECIFIED') ? undefined : fromProtoEnum(prefix, value);

/** The request in REST's shape, validated by REST's schema; a bad field is INVALID_ARGUMENT naming it in snake_case. */
const validated = <T>(schema: ZodType<T>, shape: Record<string, unknown>): T => {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(shape).filter(([, value]) => value !== undefined)));
  if (!parsed.success) throw new ValidationFailed(fieldErrorsOf(parsed.error).map((error) => ({ ...error, field: snakeCase(error.field) })));
  return parsed.data;
};

type ArticleTypeName = knowledgeV1.ArticleType;

const hitOf = (hit: SearchHit): knowledgeV1.SearchHit => ({
  ...hit,
  type: toProtoEnum('ARTICLE_TYPE_', hit.type) as ArticleTypeName,
  publishedAt: toTimestamp(hit.publishedAt),
});

const readerOf = (principal: Principal) => ({ audience: principal.audience, ...(principal.partner ? { partner: principal.partner } : {}) });

/**
 * `collab.knowledge.v1.KnowledgeService`: the same validation, audience filter and answers as REST
 * (search, published article by id, suggestions, an article's effectiveness), for other services and partner systems.
 */
@Injectable()
export class KnowledgeServiceGrpc implements OnModuleInit {
  constructor(
    private readonly grpc: GrpcServices,
    private readonly search: ArticleSearch,
    private readonly suggestions: ArticleSuggestions,
    private readonly articles: ArticleGrpcMethods,
  ) {}

  onModuleInit(): void {
    const { knowledge } = loadProtos();
    this.grpc.add(knowledge.KnowledgeService.service, {
      Search: unary((request, { principal }) => this.searched(request, principal)),
      GetArticle: unary((request, { principal }) => this.articles.article(request, principal)),
      Suggest: unary(async (request, { principal }) => {
        const shape = { text: request.text, category: text(request.category), lang: text(request.lang), limit: count(request.limit) };
        return { suggestions: (await this.suggestions.suggest(defined(validated(suggestionRequestSchema, shape)), readerOf(principal))).map(hitOf) };
      }),
      GetArticleEffectiveness: unary((request, { principal }) => this.articles.effectiveness(request, principal)),
    }, { Search: ['requester'], GetArticle: ['requester'], Suggest: ['requester'], GetArticleEffectiveness: EFFECTIVENESS_READERS });
  }

  private async searched(request: knowledgeV1.SearchRequest__Output, principal: Principal): Promise<knowledgeV1.SearchResponse> {
    const shape = {
      q: request.q, lang: text(request.lang), type: enumOf('ARTICLE_TYPE_', request.type), node: text(request.node), tag: text(request.tag),
      page: count(request.page), pageSize: count(request.pageSize),
    };
    const { page, pageSize, ...filters } = defined(validated(grpcSearchSchema, shape));
    const found = await this.search.searchUnder({ ...filters, offset: (page - 1) * pageSize, limit: pageSize }, readerOf(principal));
    return { total: found.total, page, pageSize, results: found.hits.map(hitOf) };
  }
}
