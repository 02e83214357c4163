import { Client, type ClientConfig } from 'pg';
import type { CommitSignal } from '@collab/event-store';
import { backoffDelay, INFRASTRUCTURE_BACKOFF } from '../runner/retrying';

export interface CommitListenerOptions {
  /** Its own session: LISTEN needs a connection that nothing else borrows. */
  readonly connection: ClientConfig;
  /** Channel (`collab_log_<schema>`, see the event store's commitChannel) → the signal its readers wait on. */
  readonly channels: ReadonlyMap<string, CommitSignal>;
  readonly onError?: (error: unknown) => void;
}

/**
 * The distributed mode's wake-up (DESIGN §3): every append announces its commit with NOTIFY, and
 * this session LISTENs for the logs this process follows and pokes their readers, so another
 * process's commit is seen at once instead of at the next poll. A lost session reconnects with a
 * growing pause; meanwhile the readers' slow fallback poll keeps them going.
 */
export class CommitListener {
  private client: Client | undefined;
  private stopped = false;
  private failures = 0;
  private retry: NodeJS.Timeout | undefined;

  constructor(private readonly options: CommitListenerOptions) {}

  /** Connects in the background: a database that is away now is waited for, not a failed start. */
  start(): void {
    this.connect().catch((error: unknown) => this.failed(error));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ ...this.options.connection, keepAlive: true });
    client.on('notification', (message) => this.options.channels.get(message.channel)?.notify());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('the commit listener session ended')));
    this.client = client;
    await client.connect();
    for (const channel of this.options.channels.keys()) await client.query(`LISTEN "${channel}"`);
    this.failures = 0;
    // Commits made while the session was down are found by one look now.
    for (const signal of this.options.channels.values()) signal.notify();
  }

  private lost(client: Client, error: unknown): void {
    if (this.stopped || client !== this.client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    this.failed(error);
  }

  private failed(error: unknown): void {
    if (this.stopped) return;
    this.options.onError?.(error);
    this.failures += 1;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => {
      if (!this.stopped) this.connect().catch((next: unknown) => this.failed(next));
    }, backoffDelay(this.failures, INFRASTRUCTURE_BACKOFF));
  }
}
