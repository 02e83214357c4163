import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { ServiceContract } from '@collab/contracts';
import { DataDirLocked, NO_STORED_EVENT_UPGRADES, PostgresEventStore, UpcastingEventStore, type StoredEventVersions } from '@collab/event-store';
import { intakeContract, intakeReadModels } from '@collab/intake';
import { replayToTopic, TopicNotFresh, type ReplayRange, type ReplayReport } from '@collab/messaging';
import { InvalidConfiguration, loadDatabaseSettings, openDatabase, type Database } from '@collab/service-kit';
import { workflowContract, workflowReadModels } from '@collab/workflow';

interface Replayable {
  readonly contract: ServiceContract;
  readonly storedEvents: StoredEventVersions;
}

/** The services that publish events, with what their relay reads their log through. */
export const REPLAYABLE_SERVICES: Readonly<Record<string, Replayable>> = {
  intake: { contract: intakeContract, storedEvents: intakeReadModels.storedEvents ?? NO_STORED_EVENT_UPGRADES },
  workflow: { contract: workflowContract, storedEvents: workflowReadModels.storedEvents ?? NO_STORED_EVENT_UPGRADES },
};

export interface ReplayIo {
  readonly out: { write(text: string): unknown };
  readonly env: NodeJS.ProcessEnv;
  readonly signal: AbortSignal;
}

const USAGE = [
  'usage: npm run replay -- <service> --topic <name> [--from <ISO time>] [--to <ISO time>]',
  `  <service>  ${Object.keys(REPLAYABLE_SERVICES).join(' or ')}`,
  '  --topic    a new topic (one no message was ever written to); created with KAFKA_PARTITIONS (default 3) partitions',
  '  --from     only events that happened at or after this time, e.g. 2026-11-23T00:00:00Z',
  '  --to       only events that happened before this time',
  'with KAFKA_BROKERS, and DATABASE_URL (beside the running services) or DATA_DIR (default .data; the platform stopped)',
].join('\n');

const instant = z.iso.datetime({ offset: true }).transform((text) => new Date(text));
const settings = z.object({
  KAFKA_BROKERS: z.string().regex(/^[^,:\s]+:\d+(,[^,:\s]+:\d+)*$/, { message: 'must be host:port[,host:port...]' }),
  KAFKA_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(3),
});

type Asked =
  | { readonly service: string; readonly replayable: Replayable; readonly topic: string; readonly range: ReplayRange }
  | { readonly refused: string };

const rangeOf = (values: { readonly from?: string | undefined; readonly to?: string | undefined }): ReplayRange | string => {
  const range: { from?: Date; to?: Date } = {};
  for (const bound of ['from', 'to'] as const) {
    const given = values[bound];
    if (given === undefined) continue;
    const parsed = instant.safeParse(given);
    if (!parsed.success) return `--${bound} ${given} is not an ISO 8601 date-time with a zone, e.g. 2026-11-23T00:00:00Z`;
    range[bound] = parsed.data;
  }
  if (range.from && range.to && range.from >= range.to) return '--from must be before --to';
  return range;
};

const OPTIONS = { topic: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } } as const;

/** The command line as a replay, or what is wrong with it. */
export const replayAsked = (args: readonly string[]): Asked => {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, options: OPTIONS });
  } catch (error) {
    return { refused: (error as Error).message };
  }
  const { positionals, values } = parsed;
  const replayable = REPLAYABLE_SERVICES[positionals[0] ?? ''];
  if (!replayable || positionals.length !== 1) return { refused: `which service? (got ${JSON.stringify(positionals.join(' '))})` };
  if (!values.topic) return { refused: '--topic is required' };
  const range = rangeOf(values);
  if (typeof range === 'string') return { refused: range };
  return { service: positionals[0]!, replayable, topic: values.topic, range };
};

const count = (value: bigint | number): string => value.toLocaleString('en-US');

const describeRange = ({ from, to }: ReplayRange): string =>
  from === undefined && to === undefined ? 'its full history' : `the events that happened in [${from?.toISOString() ?? 'the beginning'}, ${to?.toISOString() ?? 'now'})`;

const failure = (error: unknown): string => {
  if (error instanceof DataDirLocked)
    return `replay could not start: ${error.message}\nin the embedded mode the replay needs the data folder to itself: stop the platform, replay, start it again`;
  if (error instanceof TopicNotFresh || error instanceof InvalidConfiguration) return `replay could not start: ${error.message}`;
  const reason = error instanceof Error ? error.message : String(error);
  return `replay failed: ${reason}\nthe topic may hold a part of the history: delete it, or replay into another`;
};

const replayFrom = async (database: Database, asked: Extract<Asked, { service: string }>, io: ReplayIo, print: (line: string) => void): Promise<ReplayReport> => {
  const kafka = settings.parse(io.env);
  const store = new UpcastingEventStore(new PostgresEventStore({ pool: database.pool, schema: asked.service }), asked.replayable.storedEvents);
  print(`replaying ${asked.service}'s ${describeRange(asked.range)} into ${asked.topic}, as its relay publishes it`);
  let lastAt = Date.now();
  return replayToTopic({
    store,
    contract: asked.replayable.contract,
    kafka: { brokers: kafka.KAFKA_BROKERS.split(','), clientId: `collab-replay-${asked.service}`, logLevel: 'error' },
    topic: asked.topic,
    range: asked.range,
    partitions: kafka.KAFKA_PARTITIONS,
    signal: io.signal,
    onProgress: ({ position, head, published }) => {
      if (Date.now() - lastAt < 2_000) return;
      lastAt = Date.now();
      print(`  position ${count(position)} / ${count(head)} | ${count(published)} published`);
    },
  });
};

/**
 * `npm run replay -- <service> --topic <name> [--from ISO] [--to ISO]`: streams a service's history,
 * or a time range of it, from its event store into a fresh topic for a new consumer. Exit code 0 once
 * every event up to the log's head at the start is on the topic, 2 for a wrong command line, 1 when
 * it could not be done.
 */
export const runReplayCommand = async (args: readonly string[], io: ReplayIo): Promise<number> => {
  const print = (line: string): void => void io.out.write(`${line}\n`);
  const asked = replayAsked(args);
  if ('refused' in asked) {
    print(`${asked.refused}\n${USAGE}`);
    return 2;
  }
  const startedAt = Date.now();
  let database: Database | undefined;
  try {
    settings.parse(io.env);
    database = await openDatabase(loadDatabaseSettings(io.env), { warn: (_context, message) => print(message) });
    const report = await replayFrom(database, asked, io, print);
    print(`done in ${((Date.now() - startedAt) / 1000).toFixed(1)} s: ${count(report.read)} events read up to position ${count(report.head)}, ${count(report.published)} published to ${report.topic}`);
    return 0;
  } catch (error) {
    if (error instanceof z.ZodError) print(`replay could not start: ${error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
    else print(failure(error));
    return 1;
  } finally {
    await database?.close();
  }
};
