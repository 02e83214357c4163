import { applyDecorators, HttpStatus, RequestMethod, SetMetadata } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { z } from 'zod';
import { PROBLEM_CONTENT_TYPE } from '../problem-details';
import { answerSchemaIdOf } from './answer-schemas';

export const ANSWER_SCHEMA = 'collab:answer-schema';
export const ANSWER_ALTERNATIVES = 'collab:answer-alternatives';
const SWAGGER_RESPONSES = 'swagger/apiResponse';
const NEST_METHOD = 'method';
const NEST_HTTP_CODE = '__httpCode__';
const NEST_PATH = 'path';

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503;

export interface AnswersOptions {
  /** Problems this operation answers besides the ones every operation may (see COMMON_PROBLEMS). */
  readonly problems?: readonly ProblemStatus[];
  /** A @Public() route: no 401/403. */
  readonly public?: boolean;
  /** What the 2xx answer means, if the route has no @ApiOkResponse/@ApiCreatedResponse saying so. */
  readonly description?: string;
  /** The 2xx body's media type; application/json unless said. */
  readonly mediaType?: string;
  /**
   * Other media types the 2xx body may take by content negotiation (`Accept`), each with its named
   * schema, e.g. `{ 'text/csv': csvSchema }`; an answer sent with such a Content-Type is checked against it.
   */
  readonly alternatives?: Readonly<Record<string, z.ZodType>>;
}

/** Any request may be malformed, unauthenticated, not permitted, or meet a store that is away. */
const COMMON_PROBLEMS: readonly ProblemStatus[] = [400, 401, 403, 503];
const PUBLIC_PROBLEMS: readonly ProblemStatus[] = [400, 503];

const PROBLEM_MEANING: Record<ProblemStatus, string> = {
  400: 'The request is invalid; `errors` names each invalid field.',
  401: 'No valid bearer token.',
  403: 'The caller may not do this.',
  404: 'No such resource, or not one the caller may see.',
  409: 'Not allowed in the current state, or changed by someone else meanwhile.',
  413: 'The request body is too large.',
  422: 'The request is well-formed but cannot be processed.',
  429: 'Too soon; retry after the Retry-After seconds.',
  503: 'A store or broker is not reachable just now, or no answer came in time; retry after the Retry-After seconds.',
};

type ResponseEntry = { description?: string } & Record<string, unknown>;
type Responses = Record<string, ResponseEntry>;

const successStatusOf = (handler: object): number => {
  const code: unknown = Reflect.getMetadata(NEST_HTTP_CODE, handler);
  if (typeof code === 'number') return code;
  return Reflect.getMetadata(NEST_METHOD, handler) === RequestMethod.POST ? HttpStatus.CREATED : HttpStatus.OK;
};

const isProblemStatus = (status: number): status is ProblemStatus => Object.hasOwn(PROBLEM_MEANING, status);

/** The common ones, those @Api…Response describes already, 404 where the path names a resource, and the options'. */
const problemsOf = (handler: object, described: Responses, options: AnswersOptions): ProblemStatus[] => {
  const path: unknown = Reflect.getMetadata(NEST_PATH, handler);
  const namesResource = typeof path === 'string' && /[:*]/.test(path);
  const statuses = [
    ...(options.public ? PUBLIC_PROBLEMS : COMMON_PROBLEMS),
    ...Object.keys(described).map(Number).filter(isProblemStatus),
    ...(namesResource ? [404 as const] : []),
    ...(options.problems ?? []),
  ];
  return [...new Set(statuses)].sort((a, b) => a - b);
};

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/**
 * Declares what an operation answers, for the OpenAPI document and for tests: its 2xx body is
 * `schema` (a named one, see `answerSchema`), and its errors are RFC 9457 problem details.
 *
 *     @Answers(caseDetailsSchema, { problems: [404, 409] })   // ← first, above @Get/@Post
 *     @Post(':id/resolve')
 *     @HttpCode(200)
 *     @ApiOkResponse({ description: 'The case as it now is.' })
 *
 * Put it above the route's other decorators (last in an applyDecorators list): it reads their
 * status (@HttpCode, else 201 for POST, 200 otherwise), keeps the descriptions @Api…Response gave
 * and declares those statuses as problems too; a path with a parameter may answer 404. Every
 * operation may answer 400, 401, 403 and 503 (a @Public one 400 and 503). `null` declares a 204.
 * Under NODE_ENV=test every answer is checked against `schema` (AnswerCheckInterceptor), so an
 * answer drifting from the document fails the test that got it.
 */
const namedIdOf = (schema: z.ZodType): string => {
  const id = answerSchemaIdOf(schema);
  if (id === undefined) throw new Error('@Answers: name the schema with answerSchema(\'Name\', …)');
  return id;
};

const successOf = (schema: z.ZodType | null, handler: object, described: Responses, options: AnswersOptions): MethodDecorator => {
  const status = schema === null ? HttpStatus.NO_CONTENT : successStatusOf(handler);
  const content =
    schema === null
      ? undefined
      : Object.fromEntries(
          [[options.mediaType ?? 'application/json', schema] as const, ...Object.entries(options.alternatives ?? {})].map(([mediaType, named]) => [mediaType, { schema: ref(namedIdOf(named)) }]),
        );
  return ApiResponse({
    status,
    // Swagger joins descriptions of one status: give one only where @Api…Response gave none.
    ...(described[status] ? {} : { description: options.description ?? 'Done.' }),
    ...(content === undefined ? {} : { content }),
  });
};

const problemOf = (status: ProblemStatus, described: Responses): MethodDecorator =>
  ApiResponse({ status, ...(described[status] ? {} : { description: PROBLEM_MEANING[status] }), content: { [PROBLEM_CONTENT_TYPE]: { schema: ref('ProblemDetails') } } });

export const Answers =
  (schema: z.ZodType | null, options: AnswersOptions = {}): MethodDecorator =>
  (target, key, descriptor) => {
    const handler = descriptor.value as object;
    const described: Responses = (Reflect.getMetadata(SWAGGER_RESPONSES, handler) as Responses | undefined) ?? {};
    applyDecorators(
      successOf(schema, handler, described, options),
      ...problemsOf(handler, described, options).map((status) => problemOf(status, described)),
      ...(schema === null ? [] : [SetMetadata(ANSWER_SCHEMA, schema)]),
      ...(options.alternatives === undefined ? [] : [SetMetadata(ANSWER_ALTERNATIVES, options.alternatives)]),
    )(target, key, descriptor);
  };
