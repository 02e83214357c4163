/**
 * Relay throughput, log → Kafka: workflow's relay (KafkaEventRelay run by a FollowerRunner, as the
 * runtime runs it: under its lease, reading the log through the shared reader, checkpointing)
 * publishing BENCH_RELAY_EVENTS stored events (100,000 by default) of a realistic workflow history,
 * beside a raw kafkajs producer sending the very same messages (the same envelopes, keys and
 * headers, in the same batches, with the same producer settings, acks and compression),
 * alternated twice. Each run goes to topics of its own, and each run's messages are
 * counted on the broker afterwards. Prints the figures and rewrites its own section of
 * docs/benchmarks.md. Run: npm run bench:relay (KAFKA_BROKERS=host:port to use a running broker).
 */
import { cpus } from 'node:os';
import { Kafka, logLevel, Partitioners, type Message, type ProducerConfig } from 'kafkajs';
import { Pool } from 'pg';
import { PostgresEventStore, type RecordedEvent } from '@collab/event-store';
import {
  DEFAULT_READ_BATCH,
  FollowerRunner,
  followingTablesDdl,
  PostgresLeases,
  REACTOR_FLUSH,
  SharedLogReader,
  type BatchHandler,
  type FollowerBatch,
} from '@collab/following';
import { DEFAULT_PARTITIONS, encodeCollabEvent, isPublished, KafkaEventRelay, toCollabEvent, type MessagingLogger } from '@collab/messaging';
import { freshDatabase } from '@collab/testing';
import { workflowContract } from '@collab/workflow';
import { averageLoad, count, log, privateKafka, Teardown, writeBenchSection } from './kit/bench-kit';
import { loadWorkflowHistory } from './rebuild/load-history';

const EVENTS = Number(process.env['BENCH_RELAY_EVENTS'] ?? 100_000);
/** No run may take longer than this; a run that does is reported as a failure, not a figure. */
const RUN_TIMEOUT_MS = Number(process.env['BENCH_RELAY_TIMEOUT_MS'] ?? 300_000);
const HOME = 'workflow';
const RUN_ID = Date.now().toString(36);

/** Warnings and errors still show: a relay that retried measured its retries. */
const benchLogger: MessagingLogger = {
  warn: (context, message) => console.warn(`relay warning: ${message}`, context),
  error: (context, message) => console.error(`relay error: ${message}`, context),
  level: 'warn',
};

/** The relay's producer settings (kafka-event-relay.ts), for the raw producer: same idempotence, in-flight limit and partitioner. */
const PRODUCER: ProducerConfig = {
  idempotent: true,
  maxInFlightRequests: 1,
  allowAutoTopicCreation: false,
  createPartitioner: Partitioners.DefaultPartitioner,
  retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 1_000 },
};

interface Timed {
  readonly what: string;
  readonly messages: number;
  readonly batches: number;
  readonly seconds: number;
  /** CPU seconds this process spent meanwhile (user + system): what the run cost the bench's own cores, whatever else ran. */
  readonly cpuSeconds: number;
  readonly perSecond: number;
  /** Messages the broker holds on the run's topic afterwards (sum of the partitions' high watermarks). */
  readonly onBroker: number;
}

/**
 * The published messages in the batches the relay will send: the log read as the shared reader
 * reads it behind the head (DEFAULT_READ_BATCH events at a time), each batch's published events
 * encoded as the relay encodes them. Done before any timing.
 */
const relayBatches = async (store: PostgresEventStore): Promise<{ batches: Message[][]; last: bigint; logEvents: number }> => {
  const batches: Message[][] = [];
  let [after, last, logEvents] = [0n, 0n, 0];
  for (;;) {
    const events: RecordedEvent[] = await store.readAll({ after, maxCount: DEFAULT_READ_BATCH });
    if (events.length === 0) break;
    logEvents += events.length;
    after = events[events.length - 1]!.position;
    const published = events.filter((event) => isPublished(workflowContract, event.type));
    if (published.length === 0) continue;
    last = published[published.length - 1]!.position;
    batches.push(published.map((event) => encodeCollabEvent(toCollabEvent(workflowContract, event))));
  }
  return { batches, last, logEvents };
};

const cpuSince = (start: NodeJS.CpuUsage): number => {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
};

const withTimeout = async <T>(what: string, work: Promise<T>): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${RUN_TIMEOUT_MS} ms`)), RUN_TIMEOUT_MS)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
};

/** A topic of DEFAULT_PARTITIONS partitions, once every partition has a leader (a young broker takes a moment). */
const createTopic = async (kafka: Kafka, topic: string): Promise<void> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: DEFAULT_PARTITIONS }] });
    for (let attempt = 1; ; attempt += 1) {
      const ready = await admin
        .fetchTopicMetadata({ topics: [topic] })
        .then(({ topics }) => topics[0]?.partitions.length === DEFAULT_PARTITIONS && topics[0].partitions.every((partition) => partition.leader >= 0))
        .catch(() => false);
      if (ready) return;
      if (attempt === 60) throw new Error(`topic ${topic} has no leaders after 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await admin.disconnect();
  }
};

const messagesOn = async (kafka: Kafka, topic: string): Promise<number> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((sum, partition) => sum + Number(partition.high), 0);
  } finally {
    await admin.disconnect();
  }
};

/** The baseline: the same batches, one `send` each and each awaited (as the relay does), acks=all, no compression. */
const rawProducer = async (kafka: Kafka, what: string, batches: readonly Message[][]): Promise<Timed> => {
  const topic = `bench.${RUN_ID}.raw-${what.replace(' ', '-')}`;
  await createTopic(kafka, topic);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const producer = kafka.producer(PRODUCER);
  await producer.connect();
  try {
    await withTimeout(`the raw producer (${what})`, (async () => {
      for (const messages of batches) await producer.send({ topic, messages, acks: -1 });
    })());
  } finally {
    await producer.disconnect();
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuSince(cpu);
  const messages = batches.reduce((sum, batch) => sum + batch.length, 0);
  return { what: `raw kafkajs producer (${what})`, messages, batches: batches.length, seconds, cpuSeconds, perSecond: messages / seconds, onBroker: await messagesOn(kafka, topic) };
};

/**
 * The relay as the runtime runs it, from checkpoint 0 until the broker acknowledged the batch with
 * the last published event. The handler is wrapped only to note that moment.
 */
interface Setting {
  readonly pool: Pool;
  readonly store: PostgresEventStore;
  readonly kafka: Kafka;
  readonly brokers: string;
}

const relay = async ({ pool, store, kafka, brokers }: Setting, last: bigint, round: number): Promise<Timed> => {
  const topicPrefix = `bench.${RUN_ID}-${round}.`;
  await createTopic(kafka, `${topicPrefix}collab.workflow.events.v1`);
  await createTopic(kafka, `${topicPrefix}collab.workflow.events.v1.dlq`);
  // Each run from the start of the log.
  await pool.query(`delete from ${HOME}.checkpoints`);
  const relayed = new KafkaEventRelay({ contract: workflowContract, kafka: { brokers: [brokers], clientId: 'bench-relay', topicPrefix, logLevel: 'warn' }, partitions: DEFAULT_PARTITIONS, logger: benchLogger });
  let [messages, batches] = [0, 0];
  let reachedEnd: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (reachedEnd = resolve));
  const timing: BatchHandler = {
    checkpointNames: relayed.checkpointNames,
    wants: (event) => relayed.wants(event),
    handle: async (batch: FollowerBatch) => {
      const outcome = await relayed.handle(batch);
      messages += batch.events.length;
      batches += 1;
      if (batch.events[batch.events.length - 1]!.position >= last) reachedEnd();
      return outcome;
    },
  };
  const leases = new PostgresLeases({ pool, takeOver: true });
  const runner = new FollowerRunner(
    { name: relayed.checkpointNames[0]!, home: HOME, handler: timing, flush: REACTOR_FLUSH },
    { log: HOME, reader: new SharedLogReader(store, { pollMs: 200 }), leases, db: pool, logger: benchLogger },
  );
  const started = performance.now();
  const cpu = process.cpuUsage();
  runner.start();
  try {
    await withTimeout('the relay', done);
  } finally {
    await runner.stop();
    await leases.stop();
    await relayed.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuSince(cpu);
  return { what: `relay (run ${round})`, messages, batches, seconds, cpuSeconds, perSecond: messages / seconds, onBroker: await messagesOn(kafka, `${topicPrefix}collab.workflow.events.v1`) };
};

const markdown = (load: { start: string; end: string }, logEvents: number, runs: readonly Timed[]): string[] => {
  const rawBest = Math.max(...runs.filter((run) => run.what.startsWith('raw')).map((run) => run.perSecond));
  return [
    '## Relay, log → Kafka (`bench/relay.bench.ts`)',
    '',
    `Run ${new Date().toISOString()} on ${process.platform}/${process.arch}, ${cpus().length} cores (load average ${load.start} at start, ${load.end} at the end; other`,
    `work shares the machine, so compare rows of one run), Node ${process.version}, PostgreSQL on 127.0.0.1, a Kafka broker of the bench's own`,
    `(scripts/kafka.sh, one node). The log: ${count(logEvents)} workflow events (the default directory, then cases decided by the real deciders, as`,
    "in the rebuild bench) inserted into a fresh database; the relay publishes those whose type workflow's contract publishes. **relay**:",
    '`KafkaEventRelay` run by a `FollowerRunner` as the runtime runs it (its lease, the shared log reader, checkpoints), from',
    'checkpoint 0 until the broker acknowledged the batch holding the last published event; it reads the log, encodes each event',
    `as a CloudEvent (the next batch while the broker acknowledges the current one) and sends each read batch (${DEFAULT_READ_BATCH} log events, the`,
    'published ones of them) with one awaited `send`, one request in flight. **raw**: a kafkajs',
    'producer with the relay\'s settings (idempotent, one request in flight, the default partitioner, acks=all, no compression)',
    'sending the same messages — encoded beforehand, same keys, values and headers — in the same batches, one awaited `send` each;',
    'its connect is inside the time, its topic made beforehand (the relay\'s too). Each run writes topics of its own (3 partitions);',
    'the two are alternated, twice each, so a slow spell of the shared machine shows in the pair it fell on. "on broker" counts',
    'what the topic holds afterwards. "vs raw" = messages/s ÷ the faster raw run; "vs the raw run just before" compares a pair.',
    '"bench CPU s": CPU time of the bench process during the run (user + system; the broker and PostgreSQL are other processes),',
    "which a busy machine stretches less than the wall time. The issue's goal: ≥ 0.8×.",
    '',
    '| what | messages | batches | s | messages/s | vs raw | vs the raw run just before | bench CPU s | on broker |',
    '|---|---|---|---|---|---|---|---|---|',
    ...runs.map(
      (run, index) =>
        `| ${run.what} | ${count(run.messages)} | ${count(run.batches)} | ${run.seconds.toFixed(2)} | ${count(run.perSecond)} | ${(run.perSecond / rawBest).toFixed(2)}× | ${
          run.what.startsWith('raw') ? '' : `${(run.perSecond / runs[index - 1]!.perSecond).toFixed(2)}×`
        } | ${run.cpuSeconds.toFixed(2)} | ${count(run.onBroker)} |`,
    ),
  ];
};

const main = async (): Promise<void> => {
  const start = averageLoad();
  const teardown = new Teardown();
  try {
    const brokers = process.env['KAFKA_BROKERS'] ?? (await privateKafka(teardown));
    const database = await freshDatabase('collab_bench_relay');
    teardown.add(() => database.drop());
    const pool = new Pool({ connectionString: database.url, max: 4 });
    teardown.add(() => pool.end());
    const store = new PostgresEventStore({ pool, schema: HOME });
    await store.ensureSchema();
    for (const ddl of followingTablesDdl(HOME)) await pool.query(ddl);
    const loaded = await loadWorkflowHistory(pool, EVENTS);
    await pool.query(`VACUUM ANALYZE ${HOME}.events`);
    const { batches, last, logEvents } = await relayBatches(store);
    log(`loaded ${count(loaded)} events; ${count(batches.reduce((sum, batch) => sum + batch.length, 0))} published, in ${batches.length} batches`);
    const kafka = new Kafka({ clientId: 'bench-raw', brokers: [brokers], logLevel: logLevel.WARN, connectionTimeout: 3_000 });
    const runs: Timed[] = [];
    const note = (run: Timed): void => {
      runs.push(run);
      log(`${run.what}: ${count(run.perSecond)} messages/s (${count(run.messages)} in ${run.seconds.toFixed(2)} s, ${run.cpuSeconds.toFixed(2)} CPU s; ${count(run.onBroker)} on the broker)`);
    };
    // Alternated, twice each: the machine is shared, so a slow spell shows in the pair it fell on.
    for (const round of [1, 2]) {
      note(await rawProducer(kafka, `run ${round}`, batches));
      note(await relay({ pool, store, kafka, brokers }, last, round));
    }
    const wrote = await writeBenchSection('relay', markdown({ start, end: averageLoad() }, logEvents, runs));
    log(`wrote ${wrote}`);
    const short = runs.filter((run) => run.onBroker !== run.messages);
    if (short.length > 0) {
      console.error(`the broker holds a different count than was sent in: ${short.map((run) => run.what).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    await teardown.run();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
