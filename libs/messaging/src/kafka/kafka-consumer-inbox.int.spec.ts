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
});
