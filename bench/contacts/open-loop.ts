/**
 * The open-loop half of the contacts bench: contacts sent on a schedule, whatever the answers
 * before them did, and a sample of their cases followed on workflow until they show routed.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { topicOf } from '@collab/contracts';
import type { StartedService } from '../kit/bench-kit';

/**
 * The open-loop loads: these many contacts a second (the 200, and a tenth of it to show the
 * pipeline unloaded), each for this long, each contact followed until routed or out of patience.
 */
export const ROUTED = {
  rates: (process.env['BENCH_ROUTED_RATES'] ?? '20,200').split(',').map(Number),
  ms: Number(process.env['BENCH_ROUTED_MS'] ?? 15_000),
  /** Cases followed a second at most (every n-th contact): the reads must not become the load. */
  followedPerSecond: 20,
  /** A followed case is read again after a tenth of the time it has waited, within these bounds. */
  pollMs: { least: 10, most: 500 },
  patienceMs: 15_000,
  /**
   * How a followed case is watched. `watch` (default): where workflow's database can be read (the
   * distributed mode), one statement every `watchMs` asks workflow's case_view which waiting cases
   * show a queue, and each case it names is then read once on workflow's GET (the time is that GET's
   * answer); otherwise (embedded) a bounded sample is polled on the GET, `sampled` below.
   * `every`: the old way, every followed case polled on the GET after a tenth of its wait (≥ 10 ms);
   * at seconds of wait that is hundreds of GETs a second, most of workflow's load.
   */
  follow: (process.env['BENCH_ROUTED_FOLLOW'] ?? 'watch') as 'watch' | 'every',
  watchMs: 50,
  /** GET polling without the database: at most this many cases waiting at once, each read at most every `sampledPollMs.least`. */
  sampled: { inFlight: 16, pollMs: { least: 100, most: 1_000 } },
};
export const followEvery = (rate: number): number => Math.max(1, Math.ceil(rate / ROUTED.followedPerSecond));
export const pollAfter = (waitedMs: number): number => Math.min(ROUTED.pollMs.most, Math.max(ROUTED.pollMs.least, waitedMs / 10));
/** No single request of ours waits longer (autocannon's own timeout is 10 s). */
export const REQUEST_TIMEOUT_MS = 30_000;

export const CONTACT_FIELDS = {
  channel: 'app',
  audience: 'EXTERNAL',
  requestType: 'COMPLAINT',
  category: 'billing/wrong-charge',
  subject: '账单金额不对',
  description: '本月账单多扣了 30 元，请核实。',
  region: 'GD-SZ',
};
const contactFrom = (requester: string): string => JSON.stringify({ ...CONTACT_FIELDS, requester: { id: requester } });

/** The open-loop run: what was sent on schedule, what was accepted, what showed routed and when. */
export interface Routed {
  readonly rate: number;
  readonly scheduled: number;
  readonly seconds: number;
  /** The latest a send started after its scheduled time: the generator keeping (or not) its rate. */
  readonly maxSendLagMs: number;
  readonly accepted: number;
  readonly refused: number;
  readonly acceptedMs: readonly number[];
  /** Of the followed contacts. */
  readonly routedMs: readonly number[];
  readonly followed: number;
  /** Followed, accepted, but not shown routed within the patience. */
  readonly unrouted: number;
  readonly reads: number;
  /** How the cases were watched: `watch` (read model, then one GET), `sampled` or `every` (GET polling). */
  readonly how: string;
  /** Accepted contacts the read model showed routed (watch only), and their times from the send. */
  readonly viewMs: readonly number[];
  /** Statements the read-model watch made on workflow's database (watch only). */
  readonly watchStatements: number;
  /** Per stage, ms from the previous stage, for the cases where every stage was seen (distributed only). */
  readonly stages?: Stages;
}

/** Per case, the wait before each stage, from its store and broker timestamps. */
export interface Stages {
  readonly cases: number;
  readonly names: readonly string[];
  /** names[i] → the waits of every case, ms. */
  readonly waits: readonly (readonly number[])[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Endpoints {
  /** Where POST /api/v1/contacts answers. */
  readonly intake: string;
  /** Where GET /api/v1/cases/{id} answers. */
  readonly workflow: string;
  /** Workflow's (and intake's) database, when the bench can read it (distributed). */
  readonly database?: string;
  /** The broker intake publishes to (distributed). */
  readonly brokers?: string;
  /** The service processes, for their peak RSS. */
  readonly processes: readonly { readonly service: string; readonly process: StartedService }[];
}

export const submit = async (endpoints: Endpoints, token: string, requester: string): Promise<Response> =>
  fetch(`${endpoints.intake}/api/v1/contacts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: contactFrom(requester),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });

/** True once workflow's GET shows the case in a queue; a 404 (not projected yet) or no queue is "not yet". */
export const showsRouted = async (endpoints: Endpoints, token: string, caseId: string): Promise<boolean> => {
  const response = await fetch(`${endpoints.workflow}/api/v1/cases/${caseId}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (response.status === 404) {
    await response.arrayBuffer();
    return false;
  }
  if (response.status !== 200) throw new Error(`GET /api/v1/cases/${caseId} answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { queue?: string | null };
  return typeof body.queue === 'string' && body.queue.length > 0;
};

/**
 * One contact, followed until workflow shows it routed. Before any load: a refusal is reported with
 * its body instead of as seconds of 4xx, and the distributed consumer has joined its group. After
 * the closed loop: workflow has worked off the backlog it left (the embedded log is one ordered
 * feed; in the distributed mode the probe's partition has).
 */
export const untilRouted = async (endpoints: Endpoints, token: string, purpose: string): Promise<void> => {
  const deadline = Date.now() + 300_000;
  // A server still working off a backlog may let the POST time out: that is "not yet", until the deadline.
  let response: Response | undefined;
  while (response === undefined) {
    response = await submit(endpoints, token, `${purpose}-${randomBytes(6).toString('hex')}`).catch((error: unknown) => {
      if (Date.now() > deadline) throw error;
      return undefined;
    });
  }
  if (response.status !== 201)
    throw new Error(`POST /api/v1/contacts answered ${response.status}: ${await response.text()}`);
  const { caseId } = (await response.json()) as { caseId: string };
  while (!(await showsRouted(endpoints, token, caseId).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`the ${purpose} case ${caseId} was not routed within 300 s`);
    await sleep(200);
  }
};

export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/**
 * Workflow's read model, asked once every `watchMs` which of the waiting cases show a queue: one
 * indexed statement a tick however many cases wait, instead of a GET per case per poll.
 */
class ReadModelWatch {
  private readonly waiting = new Map<string, (seenAt: number) => void>();
  private stopped = false;
  private readonly loop: Promise<void>;
  statements = 0;

  private constructor(private readonly client: Client) {
    this.loop = this.run();
  }

  static async open(database: string): Promise<ReadModelWatch> {
    const client = new Client({ connectionString: database });
    await client.connect();
    return new ReadModelWatch(client);
  }

  /** When (performance.now()) the read model first showed the case routed; undefined if not within `withinMs`. */
  until(caseId: string, withinMs: number): Promise<number | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(caseId);
        resolve(undefined);
      }, Math.max(0, withinMs));
      this.waiting.set(caseId, (seenAt) => {
        clearTimeout(timer);
        resolve(seenAt);
      });
    });
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      if (this.waiting.size > 0) {
        const { rows } = await this.client
          .query<{ id: string }>('select id::text as id from workflow.case_view where id = any($1::uuid[]) and queue is not null', [[...this.waiting.keys()]])
          .catch(() => ({ rows: [] as { id: string }[] }));
        this.statements += 1;
        const seenAt = performance.now();
        for (const { id } of rows) {
          this.waiting.get(id)?.(seenAt);
          this.waiting.delete(id);
        }
      }
      await sleep(ROUTED.watchMs);
    }
  }

  async close(): Promise<void> {
    this.stopped = true;
    await this.loop;
    await this.client.end();
  }
}

/** Epoch ms of each case's event of this type in a service's log (its store's recorded_at: the appending transaction's start). */
const recordedAt = async (client: Client, schema: string, type: string, caseIds: readonly string[]): Promise<Map<string, number>> => {
  const { rows } = await client.query<{ id: string; at: number }>(
    `select data->>'caseId' as id, (extract(epoch from recorded_at) * 1000)::float8 as at from ${schema}.events where type = $1 and data->>'caseId' = any($2)`,
    [type, caseIds],
  );
  return new Map(rows.map(({ id, at }) => [id, Number(at)]));
};

/** The case of a CaseOpened CloudEvent, else undefined. */
const openedCaseOf = (value: Buffer | null): string | undefined => {
  const event = JSON.parse(value?.toString() ?? '{}') as { type?: string; data?: { caseId?: string } };
  return /\.CaseOpened\.v\d+$/.test(event.type ?? '') ? event.data?.caseId : undefined;
};

/** Epoch ms the relay handed each case's CaseOpened to the producer (the Kafka message's create time), read back from the topic. */
const publishedAt = async (brokers: string, caseIds: ReadonlySet<string>): Promise<Map<string, number>> => {
  const kafka = new Kafka({ clientId: 'bench-stages', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const topic = topicOf('intake');
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map((await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => [partition, BigInt(high)]));
  await admin.disconnect();
  const found = new Map<string, number>();
  const consumer = kafka.consumer({ groupId: `bench-stages-${randomBytes(4).toString('hex')}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const left = new Set([...ends].filter(([, high]) => high > 0n).map(([partition]) => partition));
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  if (left.size === 0) done();
  await consumer.run({
    eachBatch: ({ batch }) => {
      for (const message of batch.messages) {
        const caseId = openedCaseOf(message.value);
        if (caseId && caseIds.has(caseId)) found.set(caseId, Number(message.timestamp));
      }
      if (BigInt(batch.lastOffset()) + 1n >= (ends.get(batch.partition) ?? 0n)) left.delete(batch.partition);
      if (left.size === 0) done();
      return Promise.resolve();
    },
  });
  await Promise.race([finished, sleep(30_000)]);
  await consumer.disconnect();
  return found;
};

const STAGE_NAMES = [
  'send → intake append (POST, handler)',
  'intake append → Kafka publish (relay)',
  'Kafka publish → workflow append (broker, consumer, route)',
  'workflow append → read model shows queue (projection, ≤ watch tick)',
];

/** For every accepted case seen at every stage: the wait before each stage. */
const stagesOf = async (endpoints: Endpoints, sent: ReadonlyMap<string, number>, viewed: ReadonlyMap<string, number>): Promise<Stages | undefined> => {
  if (!endpoints.database || !endpoints.brokers || sent.size === 0) return undefined;
  const ids = [...sent.keys()];
  const client = new Client({ connectionString: endpoints.database });
  await client.connect();
  try {
    const [opened, queued, published] = await Promise.all([
      recordedAt(client, 'intake', 'CaseOpened', ids),
      recordedAt(client, 'workflow', 'CaseQueued', ids),
      publishedAt(endpoints.brokers, new Set(ids)),
    ]);
    const waits: number[][] = STAGE_NAMES.map(() => []);
    for (const [id, sendAt] of sent) {
      const times = [sendAt, opened.get(id), published.get(id), queued.get(id), viewed.get(id)];
      if (times.some((time) => time === undefined)) continue;
      for (let stage = 1; stage < times.length; stage++) waits[stage - 1]!.push(times[stage]! - times[stage - 1]!);
    }
    if (process.env['BENCH_STAGES_OUT'])
      await writeFile(
        `${process.env['BENCH_STAGES_OUT']}-${sent.size}.json`,
        JSON.stringify([...sent].map(([id, sendAt]) => [sendAt, opened.get(id), published.get(id), queued.get(id), viewed.get(id)])),
      );
    return { cases: waits[0]!.length, names: STAGE_NAMES, waits };
  } finally {
    await client.end();
  }
};

/**
 * Open loop: contact i is sent at start + i / rate whatever the answers before it did, so a slow
 * server meets the same arrivals (closed-loop clients would slow down with it). How a case is then
 * followed until it shows a queue on workflow's GET is ROUTED.follow; the time is from the send.
 */
export const measureRouted = async (rate: number, endpoints: Endpoints, token: string): Promise<Routed> => {
  const scheduled = Math.floor((rate * ROUTED.ms) / 1000);
  const how = ROUTED.follow === 'every' ? 'every' : endpoints.database ? 'watch' : 'sampled';
  const watch = how === 'watch' ? await ReadModelWatch.open(endpoints.database!) : undefined;
  const acceptedMs: number[] = [];
  const routedMs: number[] = [];
  const viewMs: number[] = [];
  /** Epoch ms of each accepted case's send and of its read model showing it routed, for the stages. */
  const sentAt = new Map<string, number>();
  const viewedAt = new Map<string, number>();
  let refused = 0;
  let unrouted = 0;
  let reads = 0;
  let maxSendLagMs = 0;
  let inFlight = 0;
  const run = randomBytes(4).toString('hex');
  const every = followEvery(rate);
  let followed = 0;
  const epoch = (at: number): number => performance.timeOrigin + at;
  /** GETs until the case shows a queue or the patience runs out, each after `interval(waited)`; true when it showed. */
  const poll = async (caseId: string, sentAtNow: number, interval: (waitedMs: number) => number): Promise<boolean> => {
    while (performance.now() - sentAtNow < ROUTED.patienceMs) {
      reads += 1;
      if (await showsRouted(endpoints, token, caseId).catch(() => false)) {
        routedMs.push(performance.now() - sentAtNow);
        return true;
      }
      await sleep(interval(performance.now() - sentAtNow));
    }
    return false;
  };
  const sampledPoll = (waitedMs: number): number =>
    Math.min(ROUTED.sampled.pollMs.most, Math.max(ROUTED.sampled.pollMs.least, waitedMs / 10));
  /** Until the read model shows the case routed; then, if followed, one GET (again every 100 ms only while it does not show it). */
  const watched = async (watch: ReadModelWatch, caseId: string, sentAtNow: number, isFollowed: boolean): Promise<void> => {
    sentAt.set(caseId, epoch(sentAtNow));
    const seen = await watch.until(caseId, sentAtNow + ROUTED.patienceMs - performance.now());
    if (seen !== undefined) {
      viewMs.push(seen - sentAtNow);
      viewedAt.set(caseId, epoch(seen));
    }
    if (isFollowed && !(seen !== undefined && (await poll(caseId, sentAtNow, () => ROUTED.sampled.pollMs.least)))) unrouted += 1;
  };
  const polled = async (caseId: string, sentAtNow: number): Promise<void> => {
    inFlight += 1;
    try {
      if (!(await poll(caseId, sentAtNow, how === 'every' ? pollAfter : sampledPoll))) unrouted += 1;
    } finally {
      inFlight -= 1;
    }
  };
  const follow = async (index: number, sentAtNow: number): Promise<void> => {
    const response = await submit(endpoints, token, `routed-${run}-${index}`).catch(() => undefined);
    if (response?.status !== 201) {
      refused += 1;
      await response?.arrayBuffer().catch(() => undefined);
      return;
    }
    acceptedMs.push(performance.now() - sentAtNow);
    const isFollowed = index % every === 0 && !(how === 'sampled' && inFlight >= ROUTED.sampled.inFlight);
    if (!isFollowed && how !== 'watch') {
      await response.arrayBuffer().catch(() => undefined);
      return;
    }
    const { caseId } = (await response.json().catch(() => ({}))) as { caseId: string };
    if (isFollowed) followed += 1;
    return watch ? watched(watch, caseId, sentAtNow, isFollowed) : polled(caseId, sentAtNow);
  };
  const started = performance.now();
  const pending: Promise<void>[] = [];
  try {
    for (let index = 0; index < scheduled; index++) {
      const due = started + (index * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      maxSendLagMs = Math.max(maxSendLagMs, performance.now() - due);
      pending.push(follow(index, due));
    }
    const seconds = (performance.now() - started) / 1000;
    await Promise.all(pending);
    const stages = await stagesOf(endpoints, sentAt, viewedAt).catch((error: unknown) => {
      console.error('stages not read:', error);
      return undefined;
    });
    return {
      rate,
      scheduled,
      seconds,
      maxSendLagMs,
      accepted: acceptedMs.length,
      refused,
      acceptedMs,
      routedMs,
      followed,
      unrouted,
      reads,
      watchStatements: watch?.statements ?? 0,
      how,
      viewMs,
      ...(stages ? { stages } : {}),
    };
  } finally {
    await watch?.close();
  }
};
