import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isDeepStrictEqual } from 'node:util';
import { map, type Observable } from 'rxjs';
import type { z } from 'zod';
import { ANSWER_ALTERNATIVES, ANSWER_SCHEMA } from './answers.decorator';

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

/** The media type the answer goes out as (set by the handler, e.g. `text/csv; charset=utf-8`), if any. */
const sentMediaType = (context: ExecutionContext): string | undefined => {
  const header: unknown = context.switchToHttp().getResponse<{ getHeader?: (name: string) => unknown }>().getHeader?.('content-type');
  return typeof header === 'string' ? header.split(';')[0]?.trim().toLowerCase() : undefined;
};

/**
 * Under NODE_ENV=test, checks every answer of an `@Answers` operation against its declared schema
 * and turns a drift into a 500 (logged with the issues), so the e2e test that got it fails.
 */
@Injectable()
export class AnswerCheckInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const schema = this.reflector.get<z.ZodType | undefined>(ANSWER_SCHEMA, context.getHandler());
    if (schema === undefined || context.getType() !== 'http') return next.handle();
    return next.handle().pipe(
      map((body: unknown) => {
        const alternatives = this.reflector.get<Readonly<Record<string, z.ZodType>> | undefined>(ANSWER_ALTERNATIVES, context.getHandler()) ?? {};
        const mediaType = sentMediaType(context);
        const sentAs = mediaType === undefined ? undefined : alternatives[mediaType];
        const issues = answerIssues(sentAs ?? schema, body);
        if (issues.length > 0) throw new AnswerDrift(`${context.getClass().name}.${context.getHandler().name}`, issues);
        return body;
      }),
    );
  }
}
