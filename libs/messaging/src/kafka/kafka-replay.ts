import type { ServiceContract } from '@collab/contracts';
import type { EventStore } from '@collab/event-store';
import { Partitioners, type Message } from 'kafkajs';
import { isPublished, toCollabEvent } from '../envelope';
import { consoleMessagingLogger, type MessagingLogger } from '../logger';
import { encodeCollabEvent } from './cloud-event.codec';
import { createKafka, DEFAULT_PARTITIONS, type KafkaConnectionOptions } from './kafka-connection';

/** Which events a replay publishes, by their CloudEvents `time`: `from` included, `to` excluded; open when absent. */
export interface ReplayRange {
  readonly from?: Date;
  readonly to?: Date;
}

export interface ReplayProgress {
  /** The log position read so far, of `head`. */
  readonly position: bigint;
  readonly head: bigint;
  readonly published: number;
}

export interface KafkaReplayOptions {
  /** The service's event store as the relay reads it: upcasting, so old events go out at their current version. */
  readonly store: EventStore;
  readonly contract: ServiceContract;
  readonly kafka: KafkaConnectionOptions;
  /** A fresh topic (absent, or without a message): the replay creates it with `partitions` partitions. */
  readonly topic: string;
  readonly range?: ReplayRange;
  readonly partitions?: number;
  /** Events read from the log at a time; default 500. */
  readonly batchSize?: number;
  readonly signal?: AbortSignal;
  readonly logger?: MessagingLogger;
  readonly onProgress?: (progress: ReplayProgress) => void;
}

export interface ReplayReport {
  readonly topic: string;
  /** The log's head when the replay started: events appended later are not part of it. */
  readonly head: bigint;
  readonly read: number;
  readonly published: number;
}

/** The replay's topic holds (or held) messages: mixing two histories in one topic would make neither complete. */
export class TopicNotFresh extends Error {
  override readonly name = 'TopicNotFresh';
  constructor(
    readonly topic: string,
    readonly messages: number,
  ) {
    super(`topic ${topic} already had ${messages} message(s) written to it; replay into a new topic`);
  }
}

export class ReplayInterrupted extends Error {
  override readonly name = 'ReplayInterrupted';
}

const inRange = (time: string, range: ReplayRange): boolean => {
  const at = Date.parse(time);
  return (range.from === undefined || at >= range.from.getTime()) && (range.to === undefined || at < range.to.getTime());
};

/**
 * Streams a service's history (or the part of it whose events happened within `range`) into a
 * fresh topic for a new consumer: every event the service publishes, mapped exactly as its relay
 * maps it (`toCollabEvent`, `encodeCollabEvent`), keyed by stream id, in log order, so each key's
 * events keep their stream order. The producer is idempotent with one request in flight and waits
 * for every replica (acks=all), as the relay's does, so nothing is written twice or out of order.
 */
export const replayToTopic = async (options: KafkaReplayOptions): Promise<ReplayReport> => {
  const kafka = createKafka(options.kafka, options.logger ?? consoleMessagingLogger);
  const head = await options.store.headPosition();
  await prepareFreshTopic(kafka, options.topic, options.partitions ?? DEFAULT_PARTITIONS);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    return await replayLog(options, head, (messages) => producer.send({ topic: options.topic, messages, acks: -1 }));
  } finally {
    await producer.disconnect();
  }
};

/** Reads the log from its start up to `head` in batches; each batch's published events in range are sent before the next is read. */
const replayLog = async (options: KafkaReplayOptions, head: bigint, send: (messages: Message[]) => Promise<unknown>): Promise<ReplayReport> => {
  const { store, contract, topic, range = {}, signal } = options;
  let read = 0;
  let published = 0;
  for (let after = 0n; after < head; ) {
    if (signal?.aborted) throw new ReplayInterrupted(`replay into ${topic} interrupted at position ${after}`);
    const batch = (await store.readAll({ after, maxCount: options.batchSize ?? 500 })).filter((event) => event.position <= head);
    if (batch.length === 0) break;
    const messages = batch
      .filter((event) => isPublished(contract, event.type))
      .map((event) => toCollabEvent(contract, event))
      .filter((event) => inRange(event.time, range))
      .map(encodeCollabEvent);
    if (messages.length > 0) await send(messages);
    read += batch.length;
    published += messages.length;
    after = batch[batch.length - 1]!.position;
    options.onProgress?.({ position: after, head, published });
  }
  return { topic, head, read, published };
};

const prepareFreshTopic = async (kafka: ReturnType<typeof createKafka>, topic: string, partitions: number): Promise<void> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    if ((await admin.listTopics()).includes(topic)) {
      // Ever written, not merely still retained: a consumer of the old topic may hold offsets in it.
      const messages = (await admin.fetchTopicOffsets(topic)).reduce((sum, { high }) => sum + Number(high), 0);
      if (messages > 0) throw new TopicNotFresh(topic, messages);
      return;
    }
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
};
