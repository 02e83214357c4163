/*
 * An analyst's consumer: reads one collab topic from the beginning to its end and validates every
 * message against the topic's AsyncAPI 3.0 document (docs/asyncapi/<service>.asyncapi.json), which
 * holds, for every event type and version ever published, its CloudEvents envelope and its data's
 * JSON Schema. It needs nothing from this repository but that document: kafkajs, ajv, ajv-formats.
 *
 *   node -r ./tools/register.js examples/topic-validator/validate-topic.ts \
 *     --brokers 127.0.0.1:9092 --topic collab.intake.events.v1 [--asyncapi <file>] [--verbose]
 *
 * Prints one line per invalid message (and, with --verbose, one per valid one) and a last line
 * with the counts as JSON. Exit code 0 when every message was valid, 1 when one was not, 2 for a
 * wrong command line.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';

interface AsyncApiMessage {
  readonly name: string;
  readonly contentType: string;
  readonly payload: object;
}

interface AsyncApiDocument {
  readonly channels: Readonly<Record<string, { readonly address: string }>>;
  readonly components: { readonly messages: Readonly<Record<string, AsyncApiMessage>> };
}

export interface Verdict {
  readonly partition: number;
  readonly offset: string;
  readonly key: string | undefined;
  /** The CloudEvents id and type, when the value had them. */
  readonly id?: string;
  readonly type?: string;
  /** Why the message is invalid; absent when it is valid. */
  readonly problem?: string;
}

const ASYNCAPI_DIR = join(__dirname, '..', '..', 'docs', 'asyncapi');

/** The document whose channel is this topic (a topic may carry an environment prefix, e.g. `staging.`). */
const documentFor = (topic: string, file: string | undefined): AsyncApiDocument => {
  const files = file === undefined ? readdirSync(ASYNCAPI_DIR).map((name) => join(ASYNCAPI_DIR, name)) : [file];
  const documents = files.map((path) => JSON.parse(readFileSync(path, 'utf8')) as AsyncApiDocument);
  const found = documents.find((document) => Object.values(document.channels).some(({ address }) => topic.endsWith(address)));
  if (!found) throw new Error(`no AsyncAPI document in ${files.join(', ')} has a channel for ${topic}`);
  return found;
};

/** A check per CloudEvents `type`: the message's payload schema (envelope and data), compiled once. */
const validatorsOf = (document: AsyncApiDocument): Map<string, { contentType: string; validate: ValidateFunction }> => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return new Map(Object.values(document.components.messages).map((message) => [message.name, { contentType: message.contentType, validate: ajv.compile(message.payload) }]));
};

type Validators = ReturnType<typeof validatorsOf>;
type Named = Pick<Verdict, 'id' | 'type'>;

const parsedValue = (message: KafkaMessage): { value: Record<string, unknown> } | undefined => {
  try {
    const value: unknown = JSON.parse(message.value?.toString('utf8') ?? '');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? { value: value as Record<string, unknown> } : undefined;
  } catch {
    return undefined;
  }
};

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** What is wrong with a message whose value is a JSON object, checked against the payload schema of its type. */
const envelopeProblem = (validators: Validators, message: KafkaMessage, value: Record<string, unknown>): string | undefined => {
  const check = validators.get(text(value['type']) ?? '');
  if (!check) return `no message of type ${String(value['type'])} in the AsyncAPI document`;
  const contentType = message.headers?.['content-type']?.toString();
  if (contentType !== check.contentType) return `content-type header is ${String(contentType)}, not ${check.contentType}`;
  const key = message.key?.toString();
  if (key !== value['subject']) return `key ${String(key)} is not the subject ${String(value['subject'])}`;
  if (check.validate(value)) return undefined;
  return (check.validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`).join('; ');
};

const problemOf = (validators: Validators, message: KafkaMessage): Named & { problem?: string } => {
  const parsed = parsedValue(message);
  if (!parsed) return { problem: 'the value is not a JSON object' };
  const [id, type] = [text(parsed.value['id']), text(parsed.value['type'])];
  const named: Named = { ...(id === undefined ? {} : { id }), ...(type === undefined ? {} : { type }) };
  const problem = envelopeProblem(validators, message, parsed.value);
  return problem === undefined ? named : { ...named, problem };
};

/** Every message of `topic` from the beginning up to the end it had when the read started, each with its verdict. */
export const validateTopic = async (options: { brokers: readonly string[]; topic: string; asyncapi?: string; onVerdict?: (verdict: Verdict) => void }): Promise<Verdict[]> => {
  const validators = validatorsOf(documentFor(options.topic, options.asyncapi));
  const kafka = new Kafka({ clientId: 'topic-validator', brokers: [...options.brokers], logLevel: logLevel.ERROR });
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(options.topic).finally(() => admin.disconnect());
  const remaining = new Map(ends.filter(({ high, low }) => high !== low).map(({ partition, high }) => [partition, BigInt(high)]));
  const verdicts: Verdict[] = [];
  if (remaining.size === 0) return verdicts;
  // A group of its own that commits nothing: every run reads the whole topic again.
  const consumer = kafka.consumer({ groupId: `topic-validator-${randomBytes(6).toString('hex')}`, maxWaitTimeInMs: 250 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [options.topic], fromBeginning: true });
    await new Promise<void>((done, failed) => {
      consumer.run({
        autoCommit: false,
        eachMessage: ({ partition, message }) => {
          const end = remaining.get(partition);
          if (end === undefined) return Promise.resolve();
          const verdict = { partition, offset: message.offset, key: message.key?.toString(), ...problemOf(validators, message) };
          verdicts.push(verdict);
          options.onVerdict?.(verdict);
          if (BigInt(message.offset) + 1n >= end) remaining.delete(partition);
          if (remaining.size === 0) done();
          return Promise.resolve();
        },
      }).catch(failed);
    });
  } finally {
    await consumer.disconnect();
  }
  return verdicts;
};

const main = async (): Promise<number> => {
  let values;
  try {
    ({ values } = parseArgs({ options: { brokers: { type: 'string' }, topic: { type: 'string' }, asyncapi: { type: 'string' }, verbose: { type: 'boolean' } } }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  if (!values.brokers || !values.topic) {
    process.stderr.write('usage: validate-topic --brokers <host:port,...> --topic <topic> [--asyncapi <file>] [--verbose]\n');
    return 2;
  }
  const line = (verdict: Verdict): string =>
    `${verdict.problem === undefined ? 'valid' : 'INVALID'} ${verdict.partition}/${verdict.offset} ${verdict.type ?? '?'} ${verdict.id ?? '?'}${verdict.problem === undefined ? '' : `: ${verdict.problem}`}`;
  const verdicts = await validateTopic({
    brokers: values.brokers.split(','),
    topic: values.topic,
    ...(values.asyncapi === undefined ? {} : { asyncapi: values.asyncapi }),
    onVerdict: (verdict) => {
      if (values.verbose || verdict.problem !== undefined) process.stdout.write(`${line(verdict)}\n`);
    },
  });
  const invalid = verdicts.filter((verdict) => verdict.problem !== undefined).length;
  process.stdout.write(`${JSON.stringify({ topic: values.topic, messages: verdicts.length, valid: verdicts.length - invalid, invalid })}\n`);
  return invalid === 0 ? 0 : 1;
};

if (require.main === module)
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
