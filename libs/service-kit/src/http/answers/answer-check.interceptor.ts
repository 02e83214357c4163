import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isDeepStrictEqual } from 'node:util';
import { map, type Observable } from 'rxjs';
import type { z } from 'zod';
import { ANSWER_ALTERNATIVES, ANSWER_SCHEMA } from './answers.decorator';

/** Nest's mark of an @Sse() route: its "answer" is a stream of events, which no body schema describes. */
const SSE_METADATA = '__sse__';

interface SentResponse {
  getHeader(name: string): number | string | string[] | undefined;
}

/** The media type the answer is sent as, if the handler chose one (e.g. `text/csv` for `Accept: text/csv`). */
const mediaTypeOf = (response: SentResponse): string | undefined => {
  const header = response.getHeader('content-type');
  return typeof header === 'string' ? header.split(';')[0]?.trim().toLowerCase() : undefined;
};

/** An answer that is not what its operation declares: a fault of ours, which tests must see. */
export class AnswerDrift extends Error {
  constructor(
    readonly route: string,
    readonly issues: readonly string[],
  ) {
    super(`the answer of ${route} drifts from its declared schema: ${issues.join('; ')}`);
  }
}

/** The body as it goes on the wire (dates as ISO strings, undefined fields gone). */
const wireForm = (body: unknown): unknown => (body === undefined ? undefined : JSON.parse(JSON.stringify(body)));

/** Issues of `body` against `schema`: zod's, and any field the schema does not declare (zod strips those). */
export const answerIssues = (schema: z.ZodType, body: unknown): string[] => {
  const sent = wireForm(body);
  const parsed = schema.safeParse(sent);
  if (!parsed.success) return parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  return isDeepStrictEqual(wireForm(parsed.data), sent) ? [] : ['the answer holds fields its schema does not declare'];
};

/**
 * Under NODE_ENV=test, checks every answer of an `@Answers` operation against its declared schema
 * (or the alternative declared for the media type it is sent as) and turns a drift into a 500 (logged
 * with the issues), so the e2e test that got it fails. A server-sent event stream is not checked.
 */
@Injectable()
export class AnswerCheckInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const handler = context.getHandler();
    const declared = this.reflector.get<z.ZodType | undefined>(ANSWER_SCHEMA, handler);
    if (declared === undefined || context.getType() !== 'http' || Reflect.getMetadata(SSE_METADATA, handler) === true) return next.handle();
    const alternatives = this.reflector.get<Readonly<Record<string, z.ZodType>> | undefined>(ANSWER_ALTERNATIVES, handler) ?? {};
    return next.handle().pipe(
      map((body: unknown) => {
        const sentAs = mediaTypeOf(context.switchToHttp().getResponse<SentResponse>());
        const schema = (sentAs === undefined ? undefined : alternatives[sentAs]) ?? declared;
        const issues = answerIssues(schema, body);
        if (issues.length > 0) throw new AnswerDrift(`${context.getClass().name}.${context.getHandler().name}`, issues);
        return body;
      }),
    );
  }
}
