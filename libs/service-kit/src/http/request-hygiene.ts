import { isUtf8 } from 'node:buffer';
import type { NextFunction, Request, Response } from 'express';
import { ValidationFailed } from '@collab/domain-kernel';

/** A correlation id travels into every event's metadata and every log line: visible ASCII, bounded. */
export const CORRELATION_ID = /^[\x21-\x7e]{1,128}$/;

/**
 * Runs before the body is read: refuses an unusable X-Correlation-Id (400, never echoed), and
 * marks every API answer as not to be sniffed or stored by caches in between.
 */
export const requestHygiene = (request: Request, response: Response, next: NextFunction): void => {
  response.setHeader('x-content-type-options', 'nosniff');
  if (request.path.startsWith('/api/v1')) response.setHeader('cache-control', 'no-store');
  const correlationId = request.headers['x-correlation-id'];
  if (correlationId !== undefined && (typeof correlationId !== 'string' || !CORRELATION_ID.test(correlationId))) {
    next(new ValidationFailed([{ field: 'X-Correlation-Id', message: 'must be 1 to 128 visible ASCII characters, e.g. a UUID' }]));
    return;
  }
  next();
};

/** What body-parser raises for a body that is not UTF-8: a 400 of its own kind, never U+FFFD stored in its place. */
export class BodyNotUtf8 extends Error {
  override readonly name = 'BodyNotUtf8';
  readonly status = 400;
  readonly type = 'entity.verify.failed';
  constructor() {
    super('the request body is not valid UTF-8');
  }
}

/** body-parser's verify hook: it sees the bytes after any gzip or deflate, before they are decoded. */
export const verifyUtf8 = (_request: unknown, _response: unknown, body: Buffer, encoding: string): void => {
  if (encoding.toLowerCase().replace('-', '') === 'utf8' && !isUtf8(body)) throw new BodyNotUtf8();
};
