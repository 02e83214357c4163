import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { InMemoryEventStore, type RecordedEvent } from '@collab/event-store';
import { projectionRetryDelayMs, runProjection, type Projection } from './projection-runner';

const waitFor = async (probe: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

/** Keeps the ids of the events it saw; fails a batch holding a poisoned event as often as told. */
class SeenEvents implements Projection {
  readonly name = 'seen-events';
  readonly setupSql: readonly string[];
  constructor(
    readonly schema: string,
    private failuresLeft: number,
  ) {
    this.setupSql = [`create table if not exists "${schema}".seen (id text primary key)`];
  }
  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    for (const event of events) {
      await tx.query(`insert into "${this.schema}".seen (id) values ($1) on conflict do nothing`, [event.id]);
      if (event.data['poisoned'] === true && this.failuresLeft > 0) {
        this.failuresLeft -= 1;
        throw new Error('the read model could not take this event');
      }
    }
  }
}

describe('a projection that fails a batch', () => {
  const schema = `projection_${randomBytes(5).toString('hex')}`;
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = new DataSource({ type: 'postgres', url: process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test' });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.query(`drop schema if exists "${schema}" cascade`);
    await dataSource.destroy();
  });

  it('logs the fault, waits, and follows the log again from its checkpoint until every event is kept, once', async () => {
    const store = new InMemoryEventStore();
    const metadata = { correlationId: randomUUID(), actor: { id: 'test', kind: 'system' as const } };
    const events = [false, true, false].map((poisoned) => ({ id: randomUUID(), type: 'Happened', data: { poisoned }, metadata }));
    await store.append('stream-1', events, 'no_stream');
    const faults: string[] = [];
    const running = await runProjection(store, dataSource, new SeenEvents(schema, 2), { error: (message) => faults.push(message) });
    try {
      await waitFor(async () => Number((await dataSource.query(`select count(*)::int as n from "${schema}".seen`))[0].n) === 3);
      expect(faults).toHaveLength(2);
      expect(faults[0]).toMatch(/projection seen-events failed \(1 in a row\), following the log again in 250 ms: the read model could not take this event/);
      const [checkpoint] = await dataSource.query(`select position::text from "${schema}".checkpoints where name = 'seen-events'`);
      expect(checkpoint.position).toBe(String(await store.headPosition()));
    } finally {
      await running.stop();
    }
  });

  it('waits longer after each failure in a row, up to 30 s', () => {
    expect([1, 2, 3, 8, 20].map(projectionRetryDelayMs)).toEqual([250, 500, 1000, 30_000, 30_000]);
  });
});
