import type { Pool } from 'pg';
import type { RecordedEvent } from '../event-store.port';
import { assertStrictlyOrdered, aStreamId, eventually, events } from '../testing/fixtures';
import { dropSchema, randomSchema, testPool } from '../testing/postgres-test-database';
import { PostgresEventStore } from './postgres-event-store';

const WRITERS = 8;
const EVENTS_PER_WRITER = 1_000;
const LANES_PER_WRITER = 4;

/** One writer process: its own pool and store, several lanes appending 1-7 events at a time. */
const writeThousand = async (store: PostgresEventStore, writer: number): Promise<string[]> => {
  const written: string[] = [];
  const lane = async (laneNo: number): Promise<void> => {
    const streamId = aStreamId(`w${writer}-l${laneNo}`);
    let version = 0;
    const quota = EVENTS_PER_WRITER / LANES_PER_WRITER;
    while (version < quota) {
      const batch = events(Math.min(1 + ((version + writer) % 7), quota - version));
      await store.append(streamId, batch, version);
      version += batch.length;
      written.push(...batch.map((event) => event.id));
    }
  };
  await Promise.all(Array.from({ length: LANES_PER_WRITER }, (_, laneNo) => lane(laneNo)));
  return written;
};

describe('the global log under concurrent writers (docs/adr/0001)', () => {
  const schema = randomSchema('es_order');
  const pools: Pool[] = [];
  const stores: PostgresEventStore[] = [];

  beforeAll(async () => {
    for (let index = 0; index <= WRITERS; index += 1) {
      const pool = testPool(2);
      pools.push(pool);
      stores.push(new PostgresEventStore({ pool, schema, pollIntervalMs: 2 }));
    }
    await stores[0]!.ensureSchema();
  });

  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await dropSchema(pools[0]!, schema);
    await Promise.all(pools.map((pool) => pool.end()));
  });

  it(`given ${WRITERS} writers on separate connections appending ${EVENTS_PER_WRITER} events each, when a subscriber follows live, then it sees every event exactly once in position order`, async () => {
    const [subscriberStore, ...writerStores] = stores;
    const seen: RecordedEvent[] = [];
    const subscription = subscriberStore!.subscribeToAll(
      (batch) => Promise.resolve(void seen.push(...batch)),
      {
        after: 0n,
        batchSize: 50,
      },
    );

    const written = (
      await Promise.all(writerStores.map((store, writer) => writeThousand(store, writer)))
    ).flat();
    const head = await subscriberStore!.headPosition();
    await eventually(() => subscription.position >= head, 30_000, 'the subscriber to reach the head');
    await subscription.stop();

    expect(written).toHaveLength(WRITERS * EVENTS_PER_WRITER);
    expect(seen.length).toBe(written.length);
    assertStrictlyOrdered(seen);
    expect(new Set(seen.map((event) => event.id))).toEqual(new Set(written));
    const log = await subscriberStore!.readAll({ after: 0n, maxCount: written.length + 1 });
    expect(log.map((event) => event.position)).toEqual(seen.map((event) => event.position));
  }, 90_000);
});
