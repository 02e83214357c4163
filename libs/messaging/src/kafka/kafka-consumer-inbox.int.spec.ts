import type { CollabEvent } from '@collab/contracts';
import type { Producer } from 'kafkajs';
import { toCollabEvent } from '../envelope';
import type { RunningConsumer } from '../messaging.port';
import { ProcessedEvents } from '../postgres/processed-events';
import { caseId, caseOpened, intakeContract } from '../testing/collab-fixtures';
import { eventually } from '../testing/eventually';
import { testSchema, type TestSchema } from '../testing/postgres-test-kit';
import { encodeCollabEvent } from './cloud-event.codec';
import { KafkaEventConsumer } from './kafka-event-consumer';
import { committedEverything, connection, quietLogger, rawProducer, uniquePrefix } from './testing/kafka-test-kit';

jest.setTimeout(60_000);

/** At-least-once delivery meets the inbox: the read model changes once per event, whatever Kafka repeats. */
describe('a Kafka consumer whose handler goes through the inbox', () => {
  let db: TestSchema;
  let producer: Producer;
  let running: RunningConsumer | undefined;

  beforeAll(async () => {
    db = await testSchema('kafka_inbox');
    await new ProcessedEvents({ schema: db.schema }).ensureSchema(db.pool);
    await db.pool.query(`CREATE TABLE ${db.schema}.opened_per_region (region text PRIMARY KEY, opened integer NOT NULL)`);
    producer = await rawProducer();
  });
  afterAll(async () => {
    await running?.stop();
    await producer.disconnect();
    await db.drop();
  });

  it('counts a case once though the message is published twice and its first handling "crashed" after commit', async () => {
    const prefix = uniquePrefix('consumer-inbox');
    const topic = `${prefix}collab.intake.events.v1`;
    const inbox = new ProcessedEvents({ schema: db.schema });
    const event: CollabEvent = toCollabEvent(intakeContract, {
      ...caseOpened({ region: 'GD-SZ' }),
      streamId: caseId(),
      streamVersion: 1,
      position: 1n,
      recordedAt: new Date(),
    });
    let deliveries = 0;
    const consumer = new KafkaEventConsumer({ kafka: connection(prefix), maxWaitTimeMs: 200, logger: quietLogger });
    running = await consumer.consume({
      consumerName: 'kpi-regions',
      source: 'intake',
      handle: async (delivered) => {
        deliveries += 1;
        await inbox.runOnce(db.pool, { consumerName: 'kpi-regions', eventId: delivered.id }, (tx) =>
          tx
            .query(
              `INSERT INTO ${db.schema}.opened_per_region VALUES ($1, 1)
               ON CONFLICT (region) DO UPDATE SET opened = opened_per_region.opened + 1`,
              [delivered.data['region']],
            )
            .then(() => undefined),
        );
        // The change committed, but the process "dies" before Kafka learns: the event comes again.
        if (deliveries === 1) throw new Error('crashed after commit');
      },
    });

    await running.joined?.();
    await producer.send({ topic, acks: -1, messages: [encodeCollabEvent(event), encodeCollabEvent(event)] });

    await eventually(() => expect(deliveries).toBe(3));
    await eventually(async () => expect(await committedEverything(`${prefix}kpi-regions`, topic)).toBe(true));
    const { rows } = await db.pool.query<{ opened: number }>(`SELECT opened FROM ${db.schema}.opened_per_region WHERE region = 'GD-SZ'`);
    expect(rows).toEqual([{ opened: 1 }]);
  });

  describe('a subscription that shares its batches', () => {
    const eventsOfOneCase = (count: number, regionPrefix: string): CollabEvent[] => {
      const stream = caseId();
      return Array.from({ length: count }, (_, index) =>
        toCollabEvent(intakeContract, { ...caseOpened({ region: `${regionPrefix}-${index}` }), streamId: stream, streamVersion: index + 1, position: BigInt(index + 1), recordedAt: new Date() }),
      );
    };
    const inbox = (): ProcessedEvents => new ProcessedEvents({ schema: db.schema });
    const countRegion = (delivered: CollabEvent) => (tx: { query(sql: string, params?: unknown[]): Promise<unknown> }) =>
      tx.query(
        `INSERT INTO ${db.schema}.opened_per_region VALUES ($1, 1) ON CONFLICT (region) DO UPDATE SET opened = opened_per_region.opened + 1`,
        [delivered.data['region']],
      );
    const openedIn = async (regions: readonly string[]) =>
      (await db.pool.query<{ region: string; opened: number }>(`SELECT region, opened FROM ${db.schema}.opened_per_region WHERE region = any($1) ORDER BY region`, [regions])).rows;

    it('handles a fetched batch in one transaction with the inbox ledger, instead of one per message', async () => {
      const prefix = uniquePrefix('consumer-batch');
      const topic = `${prefix}collab.intake.events.v1`;
      const events = eventsOfOneCase(3, 'SC');
      // Given three events of one case already on the topic (one partition, one fetch):
      await producer.send({ topic, acks: -1, messages: events.map(encodeCollabEvent) });
      const transactions = new Map<string, string>();
      await running?.stop();
      const consumer = new KafkaEventConsumer({ kafka: connection(prefix), maxWaitTimeMs: 200, transactions: db.pool, logger: quietLogger });
      // when a consumer that shares its batches handles them,
      running = await consumer.consume({
        consumerName: 'kpi-batch',
        source: 'intake',
        sharesBatchTransaction: true,
        handle: (delivered) =>
          inbox()
            .runOnce(db.pool, { consumerName: 'kpi-batch', eventId: delivered.id }, async (tx) => {
              await countRegion(delivered)(tx);
              const result = (await tx.query('SELECT txid_current()::text AS id')) as { rows: { id: string }[] };
              transactions.set(delivered.id, result.rows[0]!.id);
            })
            .then(() => undefined),
      });
      await eventually(async () => expect(await committedEverything(`${prefix}kpi-batch`, topic)).toBe(true));
      await running.stop();
      running = undefined;
      // then all three were applied, once each, in one transaction.
      expect(await openedIn(['SC-0', 'SC-1', 'SC-2'])).toEqual(['SC-0', 'SC-1', 'SC-2'].map((region) => ({ region, opened: 1 })));
      expect(transactions.size).toBe(3);
      expect(new Set(transactions.values()).size).toBe(1);
    });

    it('handles the batch message by message when one handling fails, and applies each event once', async () => {
      const prefix = uniquePrefix('consumer-batch-fault');
      const topic = `${prefix}collab.intake.events.v1`;
      const events = eventsOfOneCase(3, 'YN');
      await producer.send({ topic, acks: -1, messages: events.map(encodeCollabEvent) });
      let failed = false;
      await running?.stop();
      const consumer = new KafkaEventConsumer({ kafka: connection(prefix), maxWaitTimeMs: 200, transactions: db.pool, logger: quietLogger });
      running = await consumer.consume({
        consumerName: 'kpi-batch-fault',
        source: 'intake',
        sharesBatchTransaction: true,
        handle: (delivered) =>
          inbox()
            .runOnce(db.pool, { consumerName: 'kpi-batch-fault', eventId: delivered.id }, async (tx) => {
              await countRegion(delivered)(tx);
              // The second event's first handling meets a dropped connection (an infrastructure fault), after the first was applied in the batch.
              if (delivered.id === events[1]!.id && !failed) {
                failed = true;
                throw Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });
              }
            })
            .then(() => undefined),
      });
      await eventually(async () => expect(await committedEverything(`${prefix}kpi-batch-fault`, topic)).toBe(true));
      await running.stop();
      running = undefined;
      expect(failed).toBe(true);
      expect(await openedIn(['YN-0', 'YN-1', 'YN-2'])).toEqual(['YN-0', 'YN-1', 'YN-2'].map((region) => ({ region, opened: 1 })));
    });
  });
});
