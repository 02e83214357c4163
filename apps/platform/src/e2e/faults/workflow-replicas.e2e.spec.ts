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
  type LeaseName,
  type Replica,
  type ServiceProcess,
  ownTopicPrefix,
} from '@collab/testing';
import { admin, customer, departmentStaff, frontLineAgent, supervisor } from '../workflow/lifecycle-steps';
import { boundForLoad, CI_FAULT_CONTACTS } from './fault-load';
import { Rest, complaintOf, sql } from './rest';

/*
 * Workflow as three processes on one database and broker, started at the same instant (their
 * migrations race), under a load of contacts through intake, with collaboration tasks, notes and SLA
 * timers. Midway, the owner of workflow's projection group and the owner of the SLA dispatcher are
 * SIGKILLed while the dispatcher is firing a batch of due warnings; another replica must hold each
 * lease within 10 s. Afterwards every read model agrees with the fold of workflow's log, and nothing
 * in the log or the read models is lost or doubled.
 */

const jwtSecret = 'replicas-e2e-secret-0123456789abc';
const kafkaBrokers = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092';
/**
 * 400 by default: on the 2-core machine CI runs on, shared with other work, 2,000 did not fit in
 * the time a CI spec may take (see the commit that set it); FAULTS_CONTACTS=2000 runs the full load.
 */
const CONTACTS = Number(process.env['FAULTS_CONTACTS'] ?? CI_FAULT_CONTACTS);
const forLoad = boundForLoad(CONTACTS);
const CLIENTS = 16;
const COLLABORATIONS = 12;
const NOTES_PER_TASK = 2;
const TAKEOVER_MS = 10_000;
const agent = 'agent-ann';
const billingClerk = departmentStaff('billing-clerk', 'billing');

interface Takeover {
  readonly lease: string;
  readonly ms: number;
}

describe('workflow as three replicas on one database and broker, its lease owners SIGKILLed under load', () => {
  const rest = new Rest(jwtSecret);
  const processes: ServiceProcess[] = [];
  let database: FreshDatabase;
  let clockDir: string;
  let clock: SharedClock;
  let intake: ServiceProcess;
  let replicas: Replica[];

  const lease = (name: string): LeaseName => ({ databaseUrl: database.url, home: 'workflow', name });
  /** A live replica, a different one each call: HTTP serves on every replica. */
  let turn = 0;
  const anyReplica = (): string => {
    const live = replicas.filter((replica) => !replica.exit());
    return live[turn++ % live.length]!.baseUrl;
  };

  beforeAll(async () => {
    database = await freshDatabase('collab_replicas');
    clockDir = await mkdtemp(join(tmpdir(), 'collab-clock-'));
    clock = new SharedClock(TEST_MONDAY_MORNING, join(clockDir, 'offset'));
    const startedAt = Date.now();
    const env = {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: kafkaBrokers,
      AUTH_JWT_SECRET: jwtSecret,
      KAFKA_PARTITIONS: '3',
      KAFKA_TOPIC_PREFIX: ownTopicPrefix('replicas'),
      WORKFLOW_SLA_POLL_MS: '200',
      ...clock.env,
    };
    const [started, workflows] = await Promise.all([
      startServiceProcess('intake', { ...env, GRPC_PORT: String(await freePort()) }, await freePort()),
      startReplicas('workflow', 3, env),
    ]);
    intake = started;
    replicas = workflows;
    processes.push(intake, ...replicas);
    process.stdout.write(`intake and workflow ×3 started in ${Date.now() - startedAt} ms\n`);
  }, 120_000);

  afterAll(async () => {
    await stopReplicas(processes);
    await database?.drop();
    await rm(clockDir, { recursive: true, force: true });
  });

  /**
   * One contact, of a customer of its own. Intake is not under test here: a 5xx it answers (its
   * append lock timing out on a loaded machine) is sent again — the same customer and category join
   * the case the first try may have opened, so no case is doubled — and counted.
   */
  let intakeErrors = 0;
  const submit = async (i: number): Promise<string> => {
    const requester = `cust-replicas-${i}`;
    const accepted = await eventually(async () => {
      const answer = await rest.call(intake.baseUrl, 'POST', '/api/v1/contacts', { caller: customer(requester), body: complaintOf(requester, `#${i}`) });
      if (answer.status >= 500) {
        intakeErrors++;
        throw new Error(`intake answered ${answer.status}: ${intake.stderr().slice(-2_000)}`);
      }
      return answer;
    }, { timeoutMs: 30_000, intervalMs: 500 });
    expect(accepted.status).toBe(201);
    return String(accepted.body['caseId']);
  };
  /** Contacts `from`..`to` (exclusive), CLIENTS at a time. */
  const load = async (from: number, to: number): Promise<string[]> => {
    const caseIds: string[] = [];
    let next = from;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < to) caseIds.push(await submit(next++));
      }),
    );
    return caseIds;
  };

  /** Kills the replica holding `name` and measures how long until another live replica holds it. */
  const killOwnerOf = async (names: readonly string[]): Promise<Takeover[]> => {
    const owners = await Promise.all(names.map((name) => leaseOwner(lease(name), replicas)));
    const victims = [...new Set(owners.map(({ replica }) => replica))];
    await Promise.all(victims.map((victim) => victim.kill()));
    const killedAt = Date.now();
    return Promise.all(
      names.map(async (name) => {
        const { holder } = await leaseOwner(
          lease(name),
          replicas.filter((replica) => !victims.includes(replica)),
          TAKEOVER_MS + 5_000,
        );
        expect(victims.map((victim) => victim.pid)).not.toContain(holder.pid);
        return { lease: name, ms: Date.now() - killedAt };
      }),
    );
  };

  /**
   * Sends a command until it is done: answered 2xx, or refused (409) because an earlier try that
   * got no answer in time did it — which `done` reads back. (A replica may not see the case yet.)
   */
  const until = (
    command: () => Promise<{ status: number; body: Record<string, unknown> }>,
    done: () => Promise<boolean>,
  ) =>
    eventually(
      async () => {
        const answer = await command();
        if (answer.status < 300 || (answer.status === 409 && (await done()))) return answer.body;
        throw new Error(`answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
  /** Whether workflow's log holds `type` on `stream` (with `data` among its fields): the truth, where the views may lag. */
  const logHolds = async (
    stream: string,
    type: string,
    data: Record<string, unknown> = {},
  ): Promise<boolean> =>
    (
      await sql(
        database.url,
        'select 1 from workflow.events where stream_id = $1 and type = $2 and data @> $3::jsonb',
        [stream, type, JSON.stringify(data)],
      )
    ).length > 0;

  /** A case the agent owns and works on, with a collaboration task to billing, accepted, with notes. */
  const collaborate = async (caseId: string, i: number): Promise<string> => {
    await until(
      () =>
        rest.call(anyReplica(), 'POST', `/api/v1/cases/${caseId}/assign`, {
          caller: supervisor,
          body: { agentId: agent, reason: 'knows billing' },
        }),
      () => logHolds(`case-${caseId}`, 'CaseAssignedToAgent', { agentId: agent }),
    );
    await until(
      () =>
        rest.call(anyReplica(), 'POST', `/api/v1/cases/${caseId}/start`, { caller: frontLineAgent(agent) }),
      () => logHolds(`case-${caseId}`, 'CaseWorkStarted'),
    );
    // Not repeated: a second request would rightly open a second task.
    const asked = await rest.ok(anyReplica(), 'POST', `/api/v1/cases/${caseId}/collaborations`, {
      caller: frontLineAgent(agent),
      body: { to: { kind: 'UNIT', id: 'billing' }, reason: `check charge #${i}` },
    });
    const taskId = String(asked['taskId']);
    await until(
      () => rest.call(anyReplica(), 'POST', `/api/v1/tasks/${taskId}/accept`, { caller: billingClerk }),
      () => logHolds(`task-${taskId}`, 'TaskAccepted'),
    );
    for (let n = 0; n < NOTES_PER_TASK; n++) {
      // Sent again only when refused with 404 (the replica's task view has not the task yet): a note
      // sent twice after any other answer would rightly be kept twice.
      const noted = await eventually(
        async () => {
          const answer = await rest.call(anyReplica(), 'POST', `/api/v1/tasks/${taskId}/notes`, {
            caller: billingClerk,
            body: { note: `note ${n} on task #${i}` },
          });
          if (answer.status === 404) throw new Error(`task ${taskId} not in the view yet`);
          return answer;
        },
        { timeoutMs: 30_000, intervalMs: 200 },
      );
      expect(noted.status).toBe(200);
    }
    return taskId;
  };

  it('keeps every read model equal to the fold of the log, fires each timer once, keeps each note once, and fails over within 10 s', async () => {
    const started = Date.now();
    await rest.ok(replicas[0]!.baseUrl, 'POST', '/api/v1/org/agents', {
      caller: admin,
      body: {
        id: agent,
        unitId: 'front-line',
        queues: ['complaints'],
        languages: ['zh', 'en'],
        capacity: 1000,
        reason: 'joins the team',
      },
    });
    const firstHalf = await load(0, CONTACTS / 2);
    const loadedFirstHalf = Date.now();

    // The warnings of the first half fall due, and the dispatcher starts on them.
    // (A warning whose clock stopped first — work started on a collaboration case — is cancelled, not pending.)
    const responseWarnings = async () =>
      sql<{ pending: number; fired: number }>(
        database.url,
        `select count(*) filter (where due_at <= $1 and fired_at is null and cancelled_at is null)::int as pending,
                count(*) filter (where fired_at is not null)::int as fired
           from workflow.sla_timer where kind = 'WARN' and clock_key = 'case:response'`,
        [clock.now()],
      );
    clock.advanceMinutes(50);
    await eventually(async () => expect((await responseWarnings())[0]!.fired).toBeGreaterThan(0), {
      timeoutMs: 30_000,
      intervalMs: 100,
    });

    // Midway, with the dispatcher firing and half the contacts still to come: the owners die.
    const [secondHalf, takeovers, taskIds] = await Promise.all([
      load(CONTACTS / 2, CONTACTS),
      killOwnerOf(['projections:workflow', 'workflow.sla-timers']),
      Promise.all(firstHalf.slice(0, COLLABORATIONS).map((caseId, i) => collaborate(caseId, i))),
    ]);
    const loaded = Date.now();
    for (const takeover of takeovers) expect(takeover.ms).toBeLessThan(TAKEOVER_MS);
    const caseIds = [...firstHalf, ...secondHalf];
    expect(new Set(caseIds).size).toBe(CONTACTS);

    // Every case reaches the case view, routed; every warning due fires. (Only this test's cases are
    // counted by id: the consumer groups' names are fixed, so a broker shared with earlier specs may
    // bring their leftover events to this database too; the fold checks below cover those as well.)
    await eventually(
      async () => {
        const [row] = await sql<{ routed: number }>(
          database.url,
          `select count(*)::int as routed from workflow.case_view where id = any($1::uuid[]) and queue is not null`,
          [caseIds],
        );
        expect(row!.routed).toBe(CONTACTS);
      },
      { timeoutMs: forLoad(60_000), intervalMs: 250 },
    );
    await eventually(
      async () => {
        const [warnings] = await responseWarnings();
        expect(warnings!.pending).toBe(0);
        expect(warnings!.fired).toBeGreaterThanOrEqual(CONTACTS / 2 - COLLABORATIONS);
      },
      { timeoutMs: forLoad(60_000), intervalMs: 250 },
    );
    const settled = Date.now();

    // The case view and the task view equal the fold of workflow's log — one row per stream, each at its
    // stream's head — once they have caught up with the last events (the assignment process manager may
    // still be appending).
    await eventually(
      async () => {
        const [cases] = await sql<{ streams: number; rows: number; behind: number }>(
          database.url,
          `with heads as (select substr(stream_id, 6) as id, max(stream_version) as head from workflow.events where stream_id like 'case-%' group by stream_id)
         select (select count(*) from heads)::int as streams, (select count(*) from workflow.case_view)::int as rows,
                (select count(*) from heads h left join workflow.case_view v on v.id::text = h.id where v.version is distinct from h.head)::int as behind`,
        );
        expect(cases!.rows).toBe(cases!.streams);
        expect(cases!.behind).toBe(0);
        expect(cases!.rows).toBeGreaterThanOrEqual(CONTACTS);
        const [tasks] = await sql<{
          requested: number;
          rows: number;
          behind: number;
          notes: number;
          noted: number;
        }>(
          database.url,
          `with heads as (select substr(stream_id, 6) as id, max(stream_version) as head,
                               count(*) filter (where type = 'TaskNoteAdded') as notes
                          from workflow.events where stream_id like 'task-%' group by stream_id)
         select (select count(*) from workflow.events where type = 'CollaborationRequested')::int as requested,
                (select count(*) from workflow.task_view)::int as rows,
                (select count(*) from heads h left join workflow.task_view v on v.id::text = h.id
                  where v.version is distinct from h.head or jsonb_array_length(v.notes) <> h.notes)::int as behind,
                (select count(*) from workflow.events where type = 'TaskNoteAdded')::int as notes,
                (select coalesce(sum(jsonb_array_length(notes)), 0) from workflow.task_view)::int as noted`,
        );
        expect(tasks).toEqual({
          requested: COLLABORATIONS,
          rows: COLLABORATIONS,
          behind: 0,
          notes: COLLABORATIONS * NOTES_PER_TASK,
          noted: COLLABORATIONS * NOTES_PER_TASK,
        });
      },
      { timeoutMs: forLoad(30_000), intervalMs: 500 },
    );
    expect(new Set(taskIds).size).toBe(COLLABORATIONS);

    // Nothing doubled in the log: each note once, each timer's firing once; nothing dead-lettered.
    const doubled = await sql<{ what: string; n: number }>(
      database.url,
      `select data->>'note' as what, count(*)::int as n from workflow.events where type = 'TaskNoteAdded' group by 1 having count(*) > 1
       union all
       select stream_id || ' ' || type || ' ' || (data->>'clockKey'), count(*)::int from workflow.events
        where type in ('SlaWarning', 'SlaBreached', 'SlaEscalated') group by stream_id, type, data->>'clockKey', data->>'level' having count(*) > 1`,
    );
    expect(doubled).toEqual([]);
    // A firing is appended, then its timer marked and its clock told: a check between the two steps
    // of a live dispatcher sees one more firing than marks, so the three must agree once it is still.
    const firings = await eventually(
      async () => {
        const [counted] = await sql<{ recorded: number; fired: number; warned: number }>(
          database.url,
          `select (select count(*) from workflow.events where type = 'SlaWarning' and data->>'clockKey' = 'case:response')::int as recorded,
                  (select count(*) from workflow.sla_timer where kind = 'WARN' and clock_key = 'case:response' and fired_at is not null)::int as fired,
                  (select count(*) from workflow.sla_clock where clock_key = 'case:response' and warned_at is not null)::int as warned`,
        );
        expect(counted!.recorded).toBe(counted!.fired);
        expect(counted!.warned).toBe(counted!.fired);
        return counted;
      },
      { timeoutMs: 15_000, intervalMs: 250 },
    );
    expect(
      await sql(database.url, 'select consumer, event_type, error_message from workflow.dead_letters'),
    ).toEqual([]);

    process.stdout.write(
      `workflow ×3: ${CONTACTS} contacts (first half ${loadedFirstHalf - started} ms, all ${loaded - started} ms), settled after ${settled - started} ms; ` +
        `${firings!.fired} warnings fired; intake 5xx sent again: ${intakeErrors}; takeovers ${takeovers.map((t) => `${t.lease} ${t.ms} ms`).join(', ')}\n`,
    );
  }, forLoad(150_000));
});
