import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { topicOf, type CollabEvent, type ServiceContract } from '@collab/contracts';
import { intakeContract } from '@collab/intake';
import { workflowContract } from '@collab/workflow';
import {
  freePort,
  freshDatabase,
  PrivateKafkaBroker,
  startServiceProcess,
  type FreshDatabase,
  type ServiceProcess,
} from '@collab/testing';
import { boundForLoad, CI_FAULT_CONTACTS, settlesWithin, startContactLoad, unroutedCases, type ContactLoad } from './fault-load';

const jwtSecret = 'broker-outage-e2e-secret-01234-abcdef';
// The issue asks for 5,000; on this 2-core machine (shared, load average 10-16 while measured)
// workflow routed 6-15 cases/s, so 400 is what fits the spec's time (BROKER_OUTAGE_CONTACTS=5000 to try more).
const CONTACTS = Number(process.env['BROKER_OUTAGE_CONTACTS'] ?? CI_FAULT_CONTACTS);
const forLoad = boundForLoad(CONTACTS);
const CLIENTS = 32;
const OUTAGE_MS = 20_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const startedAt = Date.now();
const note = (what: string, facts: Record<string, unknown> = {}) =>
  process.stdout.write(`broker outage +${((Date.now() - startedAt) / 1000).toFixed(1)}s ${what} ${JSON.stringify(facts)}\n`);

const stillRunning = (services: readonly ServiceProcess[]): void => {
  for (const service of services) {
    const exit = service.exit();
    if (exit) throw new Error(`pid ${service.pid} exited with ${exit.code ?? exit.signal}:\n${service.output().slice(-4_000)}`);
  }
};

/** `collab_relay_lag_events{service="…"}` from a service's /metrics; undefined while it runs no relay. */
const relayLag = async (baseUrl: string, service: string): Promise<number | undefined> => {
  const text = await (await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(10_000) })).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`collab_relay_lag_events{service="${service}"}`));
  return line === undefined ? undefined : Number(line.split(' ').pop());
};

interface StoredEvent {
  readonly id: string;
  readonly type: string;
  readonly subject: string;
  readonly streamversion: number;
  readonly position: string;
  readonly data: object;
}

/** What a topic holds, read from the beginning up to the high watermark of every partition. */
const readTopic = async (brokers: string, topic: string): Promise<CollabEvent[]> => {
  const kafka = new Kafka({ clientId: 'broker-outage-reader', brokers: [brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map((await admin.fetchTopicOffsets(topic)).map((partition) => [partition.partition, Number(partition.high)]));
  await admin.disconnect();
  const events: CollabEvent[] = [];
  const remaining = new Map([...ends].filter(([, high]) => high > 0));
  if (remaining.size === 0) return events;
  const consumer = kafka.consumer({ groupId: `broker-outage-reader-${Date.now()}`, maxBytes: 16 * 1024 * 1024 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const allRead = new Promise<void>((resolve) => {
    void consumer.run({
      eachBatch: ({ batch }) => {
        for (const message of batch.messages) {
          events.push(JSON.parse(message.value!.toString()) as CollabEvent);
          if (Number(message.offset) + 1 >= (ends.get(batch.partition) ?? 0)) remaining.delete(batch.partition);
        }
        if (remaining.size === 0) resolve();
        return Promise.resolve();
      },
    });
  });
  try {
    const boundMs = forLoad(30_000);
    if (!(await settlesWithin(allRead, boundMs))) throw new Error(`${topic}: partitions ${[...remaining.keys()].join(', ')} not read to their end in ${boundMs / 1000} s`);
  } finally {
    await consumer.disconnect();
  }
  return events;
};

/**
 * The broker goes away under load (issue 10): intake and workflow, each its own process, on a broker
 * of this test's own. While the contacts come in, the broker is stopped for 20 s and started again
 * on the same ports and data. Afterwards every case is routed, the relays' lag is back to 0, and
 * each topic holds every published event of its service's log, as appended, counted by CloudEvent id.
 */
describe(`the Kafka broker stopped for 20 s during ${CONTACTS} contacts (intake and workflow as processes)`, () => {
  let broker: PrivateKafkaBroker;
  let database: FreshDatabase;
  let admin: Client;
  const services: ServiceProcess[] = [];

  beforeAll(async () => {
    broker = await PrivateKafkaBroker.create();
    database = await freshDatabase('collab_brokerout');
    await broker.start();
    admin = new Client({ connectionString: database.url });
    admin.on('error', () => undefined);
    await admin.connect();
    // /metrics open to the scrape, as deploy/k8s sets it for Prometheus (staff-only is the distributed default).
    const env = { DATABASE_URL: database.url, KAFKA_BROKERS: broker.address, AUTH_JWT_SECRET: jwtSecret, KAFKA_PARTITIONS: '3', METRICS_ACCESS: 'public' };
    for (const service of ['intake', 'workflow']) {
      services.push(await startServiceProcess(service, { ...env, GRPC_PORT: String(await freePort()) }, await freePort()));
    }
    note('broker and services started', { broker: broker.address });
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await admin?.end().catch(() => undefined);
    await database?.drop();
    await broker?.destroy();
  });

  it('routes every case, brings relay lag back to 0, and has every event on its topic once or more', async () => {
    const [intake] = services as [ServiceProcess, ServiceProcess];
    const load = startContactLoad({ intake: intake.baseUrl, jwtSecret, contacts: CONTACTS, clients: CLIENTS, run: 'bko' });
    // How far routing is, every 5 s, straight from workflow's log (the test's own session).
    const progress = setInterval(() => {
      admin
        .query<{ assigned: number }>(`select count(*)::int as assigned from workflow.events where type = 'CaseQueued'`)
        .then(({ rows }) => note('progress', { acknowledged: load.acknowledged.size, routed: rows[0]!.assigned }))
        .catch(() => undefined);
    }, 5_000);
    try {
      await outageThenChecks(load);
    } finally {
      clearInterval(progress);
      load.abort();
    }
  }, forLoad(240_000));

  /**
   * The service's log (its published types) against its topic, by CloudEvent id: every event up to
   * the newest position on the topic must be there, as stored (workflow's log may still grow while
   * it is read; what comes later is relayed later, and relay lag 0 was asserted before).
   */
  const compareTopic = async (contract: ServiceContract) => {
    const onTopic = await readTopic(broker.address, topicOf(contract.service));
    const newest = onTopic.reduce((max, event) => (BigInt(event.position) > max ? BigInt(event.position) : max), 0n);
    const { rows: stored } = await admin.query<StoredEvent>(
      `select event_id::text as id, type, stream_id as subject, stream_version as streamversion, position::text as position, data
         from ${contract.service}.events where type = any($1::text[]) and position <= $2 order by position`,
      [[...contract.publishes], newest.toString()],
    );
    const byId = new Map(onTopic.map((event) => [event.id, event]));
    // What the relay publishes is the stored event's public form (its contract's mapping), not its stored data.
    const sameAsStored = (published: CollabEvent, event: StoredEvent): boolean => {
      const publication = contract.toPublic(event)!;
      return (
        published.subject === event.subject &&
        published.streamversion === event.streamversion &&
        published.position === event.position &&
        published.type === publication.event.eventType &&
        JSON.stringify(published.data) === JSON.stringify(publication.data)
      );
    };
    const missing = stored.filter((event) => !byId.has(event.id)).map((event) => `${contract.service} ${event.position} ${event.type} ${event.id}`);
    const changed = stored.filter((event) => byId.has(event.id) && !sameAsStored(byId.get(event.id)!, event)).map((event) => `${contract.service} ${event.id}`);
    const storedIds = new Set(stored.map((event) => event.id));
    const counts = {
      stored: stored.length,
      messages: onTopic.length,
      distinctIds: byId.size,
      duplicates: onTopic.length - byId.size,
      notInStore: [...byId.keys()].filter((id) => !storedIds.has(id)).length,
    };
    return { missing, changed, counts };
  };

  const outageThenChecks = async (load: ContactLoad): Promise<void> => {
    const [intake, workflow] = services as [ServiceProcess, ServiceProcess];
    note('load started', { contacts: CONTACTS });
    // Some contacts through the working broker first, so the outage meets relays and consumers at work.
    while (load.acknowledged.size < Math.min(500, CONTACTS / 5)) await sleep(100);
    const brokerPid = await broker.pid();
    // TERM, and KILL after 5 s: a single node's controlled shutdown can take half a minute.
    await broker.stop(5);
    const stoppedAt = Date.now();
    note('broker stopped', { pid: brokerPid, acknowledged: load.acknowledged.size });
    await sleep(OUTAGE_MS);
    const acknowledgedDuringOutage = load.acknowledged.size;
    const lagDuringOutage = await relayLag(intake.baseUrl, 'intake');
    const readyDuringOutage = await Promise.all(services.map(async (service) => (await fetch(`${service.baseUrl}/ready`)).status));
    stillRunning(services);
    await broker.start();
    const restartedAt = Date.now();
    note('broker started again', { downMs: restartedAt - stoppedAt, acknowledged: acknowledgedDuringOutage, lagDuringOutage, readyDuringOutage });

    const finished = await settlesWithin(load.done, forLoad(60_000));
    load.abort();
    note('contacts done', { finished, acknowledged: load.acknowledged.size, other: load.refusals.other.slice(0, 3) });
    const caseIds = [...load.acknowledged.values()];
    const unrouted = await unroutedCases(workflow.baseUrl, jwtSecret, caseIds, forLoad(90_000));
    note('routing checked', { unrouted: unrouted.length, sinceRestartMs: Date.now() - restartedAt });
    if (unrouted.length > 0) {
      for (const service of services)
        note(`${service.baseUrl} /ready`, { body: await (await fetch(`${service.baseUrl}/ready`)).json(), output: service.output().slice(-3_000) });
    }
    const lags: (number | undefined)[] = [];
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await sleep(250)) {
      lags.splice(0, 2, await relayLag(intake.baseUrl, 'intake'), await relayLag(workflow.baseUrl, 'workflow'));
      if (lags.every((lag) => lag === 0)) break;
    }
    stillRunning(services);

    // Every published event of each log, as the store holds it, against what its topic holds.
    const intakeTopic = await compareTopic(intakeContract);
    const workflowTopic = await compareTopic(workflowContract);
    const missing = [...intakeTopic.missing, ...workflowTopic.missing];
    const changed = [...intakeTopic.changed, ...workflowTopic.changed];
    const topics = { intake: intakeTopic.counts, workflow: workflowTopic.counts };
    // Consumers dedupe what at-least-once may repeat: each case routed once.
    const { rows: routings } = await admin.query<{ cases: number; assigned: number; registered: number }>(
      `select count(distinct stream_id)::int as cases,
              count(*) filter (where type = 'CaseQueued')::int as assigned,
              count(*) filter (where type = 'CaseRegistered')::int as registered
         from workflow.events where stream_id like 'case-%'`,
    );
    const { rows: letters } = await admin.query<{ n: number }>(
      'select (select count(*) from intake.dead_letters)::int + (select count(*) from workflow.dead_letters)::int as n',
    );

    const report = {
      contacts: CONTACTS,
      acknowledged: load.acknowledged.size,
      acknowledgedBeforeRestart: acknowledgedDuringOutage,
      relayLagDuringOutage: lagDuringOutage,
      readyDuringOutage,
      relayLagAfter: lags,
      allRoutedSinceRestartMs: Date.now() - restartedAt,
      unrouted: unrouted.length,
      topics,
      missing: missing.length,
      changed: changed.length,
      routings: routings[0],
      deadLetters: letters[0]!.n,
    };
    note('report', report);

    expect(load.refusals.other).toEqual([]);
    expect(finished).toBe(true);
    expect(load.acknowledged.size).toBe(CONTACTS);
    expect(lagDuringOutage).toBeGreaterThan(0);
    expect(unrouted).toEqual([]);
    expect(lags).toEqual([0, 0]);
    expect(missing.slice(0, 10)).toEqual([]);
    expect(changed.slice(0, 10)).toEqual([]);
    expect([topics.intake.notInStore, topics.workflow.notInStore]).toEqual([0, 0]);
    expect(routings[0]).toEqual({ cases: CONTACTS, assigned: CONTACTS, registered: CONTACTS });
    expect(letters[0]!.n).toBe(0);
    stillRunning(services);
  };
});
