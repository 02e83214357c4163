import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_ROUTE, ATTR_URL_PATH } from '@opentelemetry/semantic-conventions';
import type { NextFunction, Request, Response } from 'express';

const tracer = trace.getTracer('collab');

const routeOf = (request: Request): string | undefined => (request.route as { path?: unknown } | undefined)?.path as string | undefined;

/** Names the span after the matched route (`POST /api/v1/contacts`), never the raw URL, and ends it. */
const finish = (span: Span, request: Request, response: Response): void => {
  const route = routeOf(request);
  if (route !== undefined) {
    span.updateName(`${request.method} ${route}`);
    span.setAttribute(ATTR_HTTP_ROUTE, route);
  }
  span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.statusCode);
  if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
};

/**
 * The REST server span of each request, continuing a caller's `traceparent` header, and active for
 * everything the request does (its appends join it). Express middleware installed first, so the
 * body parser's callbacks run in the span's context too. With tracing off the span is the API's
 * no-op and the request goes on untouched.
 */
export const httpTracing = (request: Request, response: Response, next: NextFunction): void => {
  const parent = propagation.extract(ROOT_CONTEXT, request.headers);
  const span = tracer.startSpan(request.method, { kind: SpanKind.SERVER }, parent);
  if (!trace.isSpanContextValid(span.spanContext())) return next();
  span.setAttributes({ [ATTR_HTTP_REQUEST_METHOD]: request.method, [ATTR_URL_PATH]: request.path });
  const active = trace.setSpan(parent, span);
  // Listeners (the body parser's, the finish below) run in the request's context, not the socket's.
  context.bind(active, request);
  context.bind(active, response);
  response.once('finish', () => finish(span, request, response));
  // A client that goes away before the answer: the span still ends (finish never comes then).
  response.once('close', () => {
    if (span.isRecording()) finish(span, request, response);
  });
  context.with(active, next);
};
