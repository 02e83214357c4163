import { Agent, createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { closeHttpServer, HttpDrain } from './http-drain';

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly socket: Socket;
}

/** One request through a keep-alive agent, so a second request can reuse the first one's connection. */
const send = (port: number, agent: Agent, path: string, body?: string): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const outgoing = request(
      { host: '127.0.0.1', port, path, agent, method: body ? 'POST' : 'GET' },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: text,
            socket: outgoing.socket!,
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });

/** A server whose `/slow` answers when the test says so, behind the drain. */
const serverBehind = async (drain: HttpDrain) => {
  const pending: (() => void)[] = [];
  const server: Server = createServer((incoming, outgoing) =>
    drain.middleware(incoming, outgoing, () => {
      const answer = () => outgoing.writeHead(200, { 'content-type': 'text/plain' }).end('done');
      if (incoming.url === '/slow') pending.push(answer);
      else incoming.resume().on('end', answer);
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const arrived = async (count: number) => {
    while (pending.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  return { server, port: (server.address() as AddressInfo).port, pending, arrived };
};

describe('draining the HTTP side of a stopping process', () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  let server: Server | undefined;

  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  });
  afterAll(() => agent.destroy());

  it('answers what was admitted normally and closes its connection; what comes later gets 503 with Retry-After', async () => {
    const drain = new HttpDrain();
    const behind = await serverBehind(drain);
    server = behind.server;
    // Two connections kept alive from before the stop: the slow request takes one, the late one the other.
    const warmUp = await Promise.all([send(behind.port, agent, '/fast'), send(behind.port, agent, '/fast')]);
    expect(warmUp.map(({ headers }) => headers.connection)).toEqual(['keep-alive', 'keep-alive']);

    const admitted = send(behind.port, agent, '/slow');
    await behind.arrived(1);
    drain.start();
    // A request on a connection kept alive from before the stop, with a body the drain must read.
    const late = await send(
      behind.port,
      agent,
      '/fast',
      JSON.stringify({ subject: 'arrives during the drain' }),
    );
    behind.pending.forEach((answer) => answer());
    const first = await admitted;

    expect(first).toMatchObject({ status: 200, body: 'done' });
    expect(first.headers.connection).toBe('close');
    expect(warmUp.map(({ socket }) => socket)).toContain(late.socket);
    expect(late.socket.destroyed).toBe(true);
    expect(late.status).toBe(503);
    expect(late.headers).toMatchObject({
      'retry-after': '2',
      'content-type': 'application/problem+json',
      connection: 'close',
    });
    expect(JSON.parse(late.body)).toMatchObject({
      status: 503,
      title: 'Service Unavailable',
      type: expect.stringContaining('shutting-down'),
    });
    expect(await drain.settled(1_000)).toEqual({ finishedAfterStop: 1, refused: 1, unfinished: 0 });
  });

  it('waits for admitted requests, then the closed listener refuses new connections', async () => {
    const drain = new HttpDrain();
    const behind = await serverBehind(drain);
    server = behind.server;
    const admitted = [send(behind.port, agent, '/slow'), send(behind.port, agent, '/slow')];
    await behind.arrived(2);
    drain.start();
    const settled = drain.settled(5_000);
    setTimeout(() => behind.pending.forEach((answer) => answer()), 100);

    const startedAt = Date.now();
    expect(await settled).toEqual({ finishedAfterStop: 2, refused: 0, unfinished: 0 });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(90);
    expect((await Promise.all(admitted)).map(({ status }) => status)).toEqual([200, 200]);

    await closeHttpServer(behind.server, { idleGraceMs: 100, timeoutMs: 1_000 });
    await expect(send(behind.port, new Agent(), '/fast')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('gives up on a request that never finishes after its bound, and cuts its connection when closing', async () => {
    const drain = new HttpDrain();
    const behind = await serverBehind(drain);
    server = behind.server;
    const stuck = send(behind.port, agent, '/slow').catch((error: NodeJS.ErrnoException) => error.code);
    await behind.arrived(1);
    drain.start();

    expect(await drain.settled(200)).toEqual({ finishedAfterStop: 0, refused: 0, unfinished: 1 });
    const closingAt = Date.now();
    await closeHttpServer(behind.server, { idleGraceMs: 100, timeoutMs: 300 });
    expect(Date.now() - closingAt).toBeLessThan(1_000);
    expect(await stuck).toBe('ECONNRESET');
  });

  it('answers a request that comes on a connection opened before the listener closed, instead of resetting it', async () => {
    const drain = new HttpDrain();
    const behind = await serverBehind(drain);
    server = behind.server;
    const socket = connect(behind.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let reply = '';
    socket.on('data', (chunk: Buffer) => (reply += chunk.toString()));
    const ended = new Promise<string | undefined>((resolve) => {
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code));
      socket.once('close', () => resolve(undefined));
    });
    drain.start();
    const closed = closeHttpServer(behind.server, { idleGraceMs: 300, timeoutMs: 1_000 });

    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.end(
      'POST /fast HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}',
    );
    expect(await ended).toBeUndefined();
    expect(reply).toMatch(/^HTTP\/1\.1 503 Service Unavailable\r\n/);
    expect(reply).toMatch(/\r\nretry-after: 2\r\n/i);
    await closed;
  });
});
