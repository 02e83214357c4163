import type { SerializedRequest, SerializedResponse } from 'pino-std-serializers';
import { CORRELATION_ID } from '../http/request-hygiene';

/**
 * One access-log line says what was asked and how it was answered, not the whole request: no
 * headers (a user agent, an address or a token names a person) and no query values (a search text
 * or a requester's name is personal data); the query's parameter names are kept, and the caller's
 * correlation id, so a line still leads to the request's events and traces.
 */
export const accessLogRequest = (request: SerializedRequest): Record<string, unknown> => {
  const url = request.url ?? '';
  const queryAt = url.indexOf('?');
  const parameters = queryAt < 0 ? [] : [...new Set(new URLSearchParams(url.slice(queryAt + 1)).keys())];
  const correlationId = request.headers?.['x-correlation-id'];
  return {
    id: request.id,
    method: request.method,
    path: queryAt < 0 ? url : url.slice(0, queryAt),
    ...(parameters.length > 0 ? { parameters } : {}),
    // One that the request's hygiene refuses (400) is not copied into the log either.
    ...(typeof correlationId === 'string' && CORRELATION_ID.test(correlationId) ? { correlationId } : {}),
  };
};

export const accessLogResponse = (response: SerializedResponse): Record<string, unknown> => ({ statusCode: response.statusCode });
