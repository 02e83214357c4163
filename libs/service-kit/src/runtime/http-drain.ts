import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';
import { problem, PROBLEM_CONTENT_TYPE } from '../http/problem-details';

export interface DrainReport {
  /** Requests admitted before the stop that were answered (or abandoned by their client) after it. */
  readonly finishedAfterStop: number;
  /** Requests that arrived during the drain and were answered 503. */
  readonly refused: number;
  /** Admitted requests still running when the bound ran out. */
  readonly unfinished: number;
}

/** Seconds a client refused during the drain is asked to wait: about what a restart takes. */
const RETRY_AFTER_SECONDS = 2;

const refusal = JSON.stringify(
  problem({
    status: 503,
    slug: 'shutting-down',
    title: 'Service Unavailable',
    detail: 'This process is shutting down and takes no new requests; retry after the Retry-After seconds.',
  }),
);

/**
 * The HTTP side of a graceful stop, as the process's first middleware. Until `start()` every
 * request is admitted and counted; after it, requests already admitted run to their normal answer
 * (sent with `Connection: close`, so keep-alive clients reconnect elsewhere), and every new one is
 * answered `503` with `Retry-After` and a problem body — never a 500 from a half-closed process.
 */
export class HttpDrain {
  private draining = false;
  private readonly inFlight = new Set<ServerResponse>();
  private idle: (() => void) | undefined;
  private finishedAfterStop = 0;
  private refused = 0;

  readonly middleware = (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    if (this.draining) return this.refuse(request, response);
    this.admit(response);
    next();
  };

  get isDraining(): boolean {
    return this.draining;
  }

  /** From now on nothing new is admitted; answers still to be written will close their connection. */
  start(): void {
    this.draining = true;
    for (const response of this.inFlight)
      if (!response.headersSent) response.setHeader('connection', 'close');
  }

  /** Resolves once every admitted request has its answer, or after `timeoutMs`; says how it went so far. */
  async settled(timeoutMs: number): Promise<DrainReport> {
    if (this.inFlight.size > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        this.idle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return this.report;
  }

  get report(): DrainReport {
    return {
      finishedAfterStop: this.finishedAfterStop,
      refused: this.refused,
      unfinished: this.inFlight.size,
    };
  }

  private admit(response: ServerResponse): void {
    this.inFlight.add(response);
    // 'close' follows the answer's last byte, or a client that went away first.
    response.once('close', () => {
      this.inFlight.delete(response);
      if (!this.draining) return;
      this.finishedAfterStop += 1;
      if (this.inFlight.size === 0) this.idle?.();
    });
  }

  private refuse(request: IncomingMessage, response: ServerResponse): void {
    this.refused += 1;
    const answer = (): void => {
      if (response.headersSent || response.destroyed) return;
      response.writeHead(503, {
        'content-type': PROBLEM_CONTENT_TYPE,
        'content-length': Buffer.byteLength(refusal),
        'retry-after': String(RETRY_AFTER_SECONDS),
        connection: 'close',
      });
      response.end(refusal);
    };
    // The body is read first: closing a connection with unread bytes resets it, and the client
    // would lose this answer.
    if (request.complete) return answer();
    request.once('end', answer);
    request.resume();
  }
}

export interface CloseBounds {
  /** How long connections already open may still bring a request (answered 503) before idle ones are closed. */
  readonly idleGraceMs: number;
  /** When busy connections are cut. */
  readonly timeoutMs: number;
}

/**
 * Stops listening (new connections are refused, which a load balancer retries elsewhere), lets
 * connections already open bring their request for `idleGraceMs` (the drain answers it 503 with
 * `Connection: close`), then closes the idle ones and, at `timeoutMs`, cuts what is left.
 *
 * Two details keep clients from seeing a reset: the listener closes only after the event loop has
 * accepted what waits in the kernel's backlog (closing a listening socket resets those, and a busy
 * embedded process can leave many there), and it is net.Server's close, not http.Server's, which
 * since Node 19 also drops idle keep-alive connections at once.
 */
export const closeHttpServer = async (
  server: Server,
  { idleGraceMs, timeoutMs }: CloseBounds,
): Promise<void> => {
  await acceptPending();
  await new Promise<void>((resolve) => {
    const idle = setTimeout(() => server.closeIdleConnections(), idleGraceMs);
    const cut = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, timeoutMs);
    NetServer.prototype.close.call(server, () => {
      clearTimeout(idle);
      clearTimeout(cut);
      resolve();
    });
  });
};

/**
 * Returns right after the event loop's poll phase, where pending connections are accepted: an
 * immediate runs just after it, whereas a timer runs before it and, in a process whose loop was
 * busy, would close the listener on connections that have waited in the backlog all along.
 */
const acceptPending = async (): Promise<void> => {
  await new Promise((resolve) => setTimeout(resolve, 25));
  await new Promise((resolve) => setImmediate(resolve));
};
