import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * What a cut proxy does with a connection that arrives while it is cut:
 * - `refuse`: resets it at once, as a host whose server process is down answers (ECONNRESET);
 * - `hang`: accepts it and never answers, as a host behind a dropped route looks (the client waits
 *   until its own connect timeout).
 * - `silence`: as `hang` for new connections, and the open ones are not reset but go quiet: nothing
 *   more crosses them either way, as a route dropped mid-query leaves them (nothing tells the client).
 */
export type CutMode = 'refuse' | 'hang' | 'silence';

export interface TcpProxy {
  /** Where clients connect (127.0.0.1). */
  readonly port: number;
  /** 127.0.0.1:<port>, to put in a URL in place of the target's host and port. */
  readonly address: string;
  /** Connections it has forwarded since it started (a test can see the services did come through it). */
  readonly accepted: () => number;
  /** Connections open through it now. */
  readonly open: () => number;
  /** Resets every open connection (both sides; `silence` keeps them open and quiet) and treats new ones as `mode` says until `restore`. */
  cut(mode?: CutMode): void;
  /** Forwards new connections again; the ones held while cut (`hang`, `silence`) are reset. */
  restore(): void;
  close(): Promise<void>;
}

/** Destroys a socket with a TCP RST rather than a FIN, as a crash or a cut cable leaves its peer. */
const reset = (socket: Socket): void => {
  if (socket.destroyed) return;
  if (typeof socket.resetAndDestroy === 'function' && socket.readyState !== 'opening') socket.resetAndDestroy();
  else socket.destroy();
};

/**
 * A TCP proxy on 127.0.0.1 that a test owns, between services and a server (PostgreSQL, say), so
 * the test can take the server away from them — every connection cut, new ones refused or left
 * hanging — and bring it back, without touching the server other tests share.
 */
export const startTcpProxy = async (target: { host: string; port: number }): Promise<TcpProxy> => {
  const pairs = new Set<readonly [Socket, Socket]>();
  const held = new Set<Socket>();
  let cutMode: CutMode | undefined;
  let accepted = 0;

  const server: Server = createServer((client) => {
    client.on('error', () => undefined);
    if (cutMode === 'refuse') return reset(client);
    if (cutMode === 'hang' || cutMode === 'silence') {
      held.add(client);
      client.on('close', () => held.delete(client));
      return;
    }
    accepted += 1;
    client.setNoDelay(true);
    const upstream = createConnection({ host: target.host, port: target.port, noDelay: true });
    upstream.on('error', () => undefined);
    const pair = [client, upstream] as const;
    pairs.add(pair);
    const end = (): void => {
      if (!pairs.delete(pair)) return;
      reset(client);
      reset(upstream);
    };
    client.on('close', end);
    upstream.on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('the proxy has no port');

  const cutAll = (): void => {
    const open = [...pairs];
    pairs.clear();
    for (const [client, upstream] of open) {
      reset(client);
      reset(upstream);
    }
  };
  /** The open connections stay up but carry nothing more; `restore` resets them. */
  const silenceAll = (): void => {
    const open = [...pairs];
    pairs.clear();
    for (const [client, upstream] of open) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      for (const socket of [client, upstream]) {
        socket.pause();
        held.add(socket);
        socket.on('close', () => held.delete(socket));
      }
    }
  };
  return {
    port: address.port,
    address: `127.0.0.1:${address.port}`,
    accepted: () => accepted,
    open: () => pairs.size,
    cut: (mode = 'refuse') => {
      cutMode = mode;
      if (mode === 'silence') silenceAll();
      else cutAll();
    },
    restore: () => {
      cutMode = undefined;
      for (const socket of [...held]) reset(socket);
      held.clear();
    },
    close: async () => {
      cutMode = 'refuse';
      cutAll();
      for (const socket of [...held]) reset(socket);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

/** `url` with its host and port replaced by the proxy's. */
export const throughProxy = (url: string, proxy: TcpProxy): string => {
  const proxied = new URL(url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  return proxied.toString();
};
