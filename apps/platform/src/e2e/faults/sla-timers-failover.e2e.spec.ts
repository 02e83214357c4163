import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  SharedClock,
  TEST_MONDAY_MORNING,
  eventually,
  freePort,
  freshDatabase,
  leaseOwner,
  startReplicas,
  startServiceProcess,
  stopReplicas,
  type FreshDatabase,
  untilStopped,
  type ServiceProcess,
  ownTopicPrefix,
} from '@collab/testing';
import { customer, supervisor } from '../workflow/lifecycle-steps';
import { Rest, complaintOf, sql } from './rest';

/*
 * The SLA dispatcher's claim → append → mark path under faults, on PostgreSQL with two workflow
 * replicas. Failpoints put each fault exactly between two steps: one replica SIGKILLs itself after
 * recording a firing and before marking it; the replica that takes over freezes itself (SIGSTOP)
 * holding fresh claims, so its lease expires mid-firing; a third start takes over from it; then the
 * frozen one is woken and its stale term must change nothing. Each timer still fires exactly once.
 */

const jwtSecret = 'sla-failover-e2e-secret-0123456789';
const kafkaBrokers = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092';
const CASES = 12;
const LEASE = 'workflow.sla-timers';
/** The leases' ttl (6 s) and renewal tick (2 s), and a margin for a loaded machine. */
const TAKEOVER_MS = 10_000;

interface SlaClock {
  readonly clockKey: string;
  readonly status: string;
  readonly warnAt: string;
  readonly dueAt: string;
}

const justAfter = (instant: string): Date => new Date(Date.parse(instant) + 1_000);

describe('SLA timers on PostgreSQL with two workflow replicas, under a kill between append and mark and a lease lost mid-firing', () => {
  const rest = new Rest(jwtSecret);
  const processes: ServiceProcess[] = [];
  let database: FreshDatabase;
  let clockDir: string;
  let clock: SharedClock;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await freshDatabase('collab_sla_faults');
    clockDir = await mkdtemp(join(tmpdir(), 'collab-clock-'));
    clock = new SharedClock(TEST_MONDAY_MORNING, join(clockDir, 'offset'));
    env = { DATABASE_URL: database.url, KAFKA_BROKERS: kafkaBrokers, AUTH_JWT_SECRET: jwtSecret, KAFKA_PARTITIONS: '3', KAFKA_TOPIC_PREFIX: ownTopicPrefix('sla-failover'), WORKFLOW_SLA_POLL_MS: '100', ...clock.env };
  });

  afterAll(async () => {
    await stopReplicas(processes);
    await database?.drop();
    await rm(clockDir, { recursive: true, force: true });
  });

  const lease = () => ({ databaseUrl: database.url, home: 'workflow', name: LEASE });
  /** How often each case's response clock recorded `type` in workflow's log. */
  const recorded = async (type: string): Promise<Map<string, number>> => {
    const rows = await sql<{ stream_id: string; n: number }>(
      database.url,
      `select stream_id, count(*)::int as n from workflow.events where type = $1 and data->>'clockKey' = 'case:response' group by stream_id`,
      [type],
    );
    return new Map(rows.map((row) => [row.stream_id.replace(/^sla-/, ''), row.n]));
  };
  const timersOf = (kind: string) =>
    sql<{ case_id: string; fired_at: Date | null; claimed_until: Date | null }>(
      database.url,
      `select case_id, fired_at, claimed_until from workflow.sla_timer where kind = $1 and clock_key = 'case:response'`,
      [kind],
    );

  it('fires each warning and breach exactly once, takes over within 10 s, and refuses the frozen owner’s stale term', async () => {
    const intake = await startServiceProcess('intake', { ...env, GRPC_PORT: String(await freePort()) }, await freePort());
    processes.push(intake);
    // The first replica dies right after its first recorded firing; the second freezes at its first claim.
    const [dying] = await startReplicas('workflow', 1, { ...env, FAILPOINTS: 'sla.after-append:kill' });
    processes.push(dying!);
    await leaseOwner(lease(), [dying!]);
    const [freezing] = await startReplicas('workflow', 1, { ...env, FAILPOINTS: 'sla.after-claim:stop' });
    processes.push(freezing!);

    const caseIds = await Promise.all(
      Array.from({ length: CASES }, async (_, i) => {
        const requester = `cust-sla-fault-${i}`;
        const accepted = await rest.ok(intake.baseUrl, 'POST', '/api/v1/contacts', { caller: customer(requester), body: complaintOf(requester) });
        return String(accepted['caseId']);
      }),
    );
    const responseClocks = await Promise.all(
      caseIds.map((caseId) =>
        eventually(async () => {
          const body = await rest.ok(freezing!.baseUrl, 'GET', `/api/v1/cases/${caseId}/sla`, { caller: supervisor });
          const response = (body['clocks'] as SlaClock[]).find((shown) => shown.clockKey === 'case:response');
          expect(response).toMatchObject({ status: 'RUNNING' });
          return response!;
        }, { timeoutMs: 30_000, intervalMs: 200 }),
      ),
    );
    await eventually(async () => expect(await timersOf('WARN')).toHaveLength(CASES), { timeoutMs: 10_000 });

    // Every warning falls due: the owner claims them all, records the first and dies before marking it.
    clock.advanceTo(justAfter(responseClocks.map((shown) => shown.warnAt).sort().at(-1)!));
    const death = await dying!.waitForExit(15_000);
    expect(death.signal).toBe('SIGKILL');
    expect([...(await recorded('SlaWarning')).values()]).toEqual([1]);

    // The standby takes the lease and the dead owner's claims, and freezes holding them.
    const { holder: frozenTerm } = await leaseOwner(lease(), [freezing!], TAKEOVER_MS);
    const takeoverMs = Date.now() - death.at;
    expect(takeoverMs).toBeLessThan(TAKEOVER_MS);
    await untilStopped(freezing!.pid, true, TAKEOVER_MS);
    const frozenAfterMs = Date.now() - death.at;

    // Its lease runs out while it is frozen; a fresh replica takes over and fires what is left.
    const [fresh] = await startReplicas('workflow', 1, env);
    processes.push(fresh!);
    const { holder: freshTerm } = await leaseOwner(lease(), [fresh!], 20_000);
    expect(freshTerm.token).toBeGreaterThan(frozenTerm.token);
    await eventually(async () => {
      expect((await timersOf('WARN')).filter((timer) => timer.fired_at === null)).toEqual([]);
    }, { timeoutMs: 15_000 });

    // Woken, the frozen replica goes on with the pass it was in, under a term that has ended.
    freezing!.signal('SIGCONT');
    await untilStopped(freezing!.pid, false);
    await eventually(() => Promise.resolve(expect(freezing!.output()).toContain(`token ${frozenTerm.token} refused`)), { timeoutMs: 10_000 });
    expect(freezing!.exit()).toBeUndefined();

    // The breaches fall due: fired by the fresh owner, each once, and the warnings stay as they were.
    clock.advanceTo(justAfter(responseClocks.map((shown) => shown.dueAt).sort().at(-1)!));
    await eventually(async () => expect((await timersOf('BREACH')).filter((timer) => timer.fired_at === null)).toEqual([]), { timeoutMs: 15_000 });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const warnings = await recorded('SlaWarning');
    const breaches = await recorded('SlaBreached');
    expect([...warnings.keys()].sort()).toEqual([...caseIds].sort());
    expect(new Set(warnings.values())).toEqual(new Set([1]));
    expect([...breaches.keys()].sort()).toEqual([...caseIds].sort());
    expect(new Set(breaches.values())).toEqual(new Set([1]));
    process.stdout.write(`sla failover: takeover ${takeoverMs} ms, standby frozen ${frozenAfterMs} ms after the kill\n`);
  }, 150_000);
});
