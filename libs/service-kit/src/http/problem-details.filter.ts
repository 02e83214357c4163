import { ArgumentsHost, Catch, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { errorToProblem } from './error-to-problem';
import { problem, PROBLEM_CONTENT_TYPE } from './problem-details';

/** Every error leaves as RFC 9457 problem details; only faults of ours become 500, and they are logged. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const known = errorToProblem(error);
    if (!known) this.logger.error({ err: error, path: request.originalUrl }, 'unhandled error');
    const body = known ?? problem({ status: 500, slug: 'internal', title: 'Internal error', detail: 'An unexpected error occurred; it has been logged.' });
    if (response.headersSent) return;
    if (typeof body['retryAfterSeconds'] === 'number') response.setHeader('retry-after', String(body['retryAfterSeconds']));
    // RFC 6750: a 401 says which scheme to use, and whether the token sent was the problem.
    if (body.status === 401)
      response.setHeader('www-authenticate', request.headers.authorization ? 'Bearer error="invalid_token"' : 'Bearer');
    response
      .status(body.status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify({ ...body, instance: request.originalUrl.slice(0, 512) }));
  }
}
