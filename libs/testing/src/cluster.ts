import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { eventually } from './eventually';
import { freePort } from './free-port';
import { serving, spawnService, type ServiceProcess } from './service-process';

/**
 * Replicas of one service on one database and broker, as an orchestrator runs them: started at the
 * same instant (so their migrations and lease claims race), with the lease table to tell which of
 * them owns a follower, and the signals a fault test sends — SIGKILL, SIGSTOP, SIGCONT.
 */
export interface Replica extends ServiceProcess {
  /** Each replica's own HTTP and gRPC ports; `name` says which one in messages, e.g. `workflow#2`. */
  readonly name: string;
}

/** A follower's lease: its name in the lease table of schema `home`, in the database at `databaseUrl`. */
export interface LeaseName {
  readonly databaseUrl: string;
  readonly home: string;
  readonly name: string;
}

export interface LeaseHolder {
  readonly owner: string;
  /** The process id the owner names (`host:pid:nonce`). */
  readonly pid: number;
  readonly token: bigint;
  readonly expiresAt: Date;
}

/** Spawns `count` replicas of `service` at once and waits until every one serves /health. */
export const startReplicas = async (service: string, count: number, env: Readonly<Record<string, string>>): Promise<Replica[]> => {
  const ports = await Promise.all(Array.from({ length: count }, async () => ({ http: await freePort(), grpc: await freePort() })));
  const spawned = ports.map(({ http, grpc }) => ({ http, process: spawnService(service, { ...env, GRPC_PORT: String(grpc) }, http) }));
  const started = await Promise.allSettled(spawned.map(({ http, process }) => serving(service, process, http)));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((result) => (result.status === 'fulfilled' ? result.value.stop() : Promise.resolve())));
    throw failed.reason;
  }
  return started.map((result, index) => ({ ...(result as PromiseFulfilledResult<ServiceProcess>).value, name: `${service}#${index + 1}` }));
};

/** Who holds the lease `name` in schema `home` now, or undefined when nobody does (never taken, or expired). */
export const leaseHolder = async ({ databaseUrl, home, name }: LeaseName): Promise<LeaseHolder | undefined> => {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client
      .query<{ owner: string; token: string; expires_at: Date }>(
        `select owner, token::text as token, expires_at from "${home}".leases where name = $1 and expires_at > now()`,
        [name],
      )
      .catch((error: unknown) => {
        // Not created yet: the replicas are still migrating.
        if ((error as { code?: string }).code === '42P01') return { rows: [] };
        throw error;
      });
    const row = rows[0];
    return row && { owner: row.owner, pid: Number(row.owner.split(':').at(-2)), token: BigInt(row.token), expiresAt: row.expires_at };
  } finally {
    await client.end();
  }
};

/** The replica among `replicas` that holds the lease, once one does; rejects after `timeoutMs`. */
export const leaseOwner = async <R extends ServiceProcess>(
  lease: LeaseName,
  replicas: readonly R[],
  timeoutMs = 30_000,
): Promise<{ readonly replica: R; readonly holder: LeaseHolder }> => {
  for (const deadline = Date.now() + timeoutMs; ; await new Promise((resolve) => setTimeout(resolve, 50))) {
    const holder = await leaseHolder(lease);
    const replica = holder && replicas.find((candidate) => candidate.pid === holder.pid && !candidate.exit());
    if (holder && replica) return { replica, holder };
    if (Date.now() > deadline)
      throw new Error(`none of ${replicas.map((r) => r.pid).join(', ')} held ${lease.home}.${lease.name} within ${timeoutMs} ms (holder: ${holder?.owner ?? 'none'})`);
  }
};

/** Whether a process is stopped by a signal (SIGSTOP): state `T` in /proc/<pid>/stat. */
export const isStopped = (pid: number): boolean => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('T');
  } catch {
    return false;
  }
};

/** Resolves once the process is frozen (`stopped` true) or running again (false); rejects after `timeoutMs`. */
export const untilStopped = (pid: number, stopped: boolean, timeoutMs = 10_000): Promise<void> =>
  eventually(() => (isStopped(pid) === stopped ? Promise.resolve() : Promise.reject(new Error(`pid ${pid} is ${stopped ? 'not ' : ''}stopped`))), { timeoutMs });

/** Stops every replica still running, a frozen one too (SIGCONT first, so it can hear SIGTERM). */
export const stopReplicas = async (replicas: readonly ServiceProcess[]): Promise<void> => {
  await Promise.all(
    replicas.map(async (replica) => {
      replica.signal('SIGCONT');
      await replica.stop();
    }),
  );
};
