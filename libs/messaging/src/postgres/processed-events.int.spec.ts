import { randomUUID } from 'node:crypto';
import { testSchema, type TestSchema } from '../testing/postgres-test-kit';
import { afterCommit, batchTransactionOn, beforeCommit, ProcessedEvents } from './processed-events';

jest.setTimeout(30_000);

describe('ProcessedEvents (the inbox)', () => {
  let db: TestSchema;
  let inbox: ProcessedEvents;

  beforeAll(async () => {
    db = await testSchema('inbox');
    inbox = new ProcessedEvents({ schema: db.schema });
    await inbox.ensureSchema(db.pool);
    await db.pool.query(`CREATE TABLE ${db.schema}.case_counts (region text PRIMARY KEY, opened integer NOT NULL)`);
  });
  afterAll(() => db.drop());

  const countOpened = (region: string) => (tx: { query(sql: string, params?: unknown[]): Promise<unknown> }) =>
    tx
      .query(
        `INSERT INTO ${db.schema}.case_counts (region, opened) VALUES ($1, 1)
         ON CONFLICT (region) DO UPDATE SET opened = case_counts.opened + 1`,
        [region],
      )
      .then(() => undefined);
  const opened = async (region: string) =>
    (await db.pool.query<{ opened: number }>(`SELECT opened FROM ${db.schema}.case_counts WHERE region = $1`, [region])).rows[0]?.opened;

  it('says true the first time a consumer processes an event and false for every redelivery', async () => {
    const eventId = randomUUID();
    const client = await db.pool.connect();
    try {
      expect(await inbox.processOnce(client, 'kpi', eventId)).toBe(true);
      expect(await inbox.processOnce(client, 'kpi', eventId)).toBe(false);
      expect(await inbox.processOnce(client, 'data-cube', eventId)).toBe(true);
    } finally {
      client.release();
    }
  });

  it('applies a read-model change once however often the event is delivered, on one shared connection', async () => {
    const eventId = randomUUID();
    const deliveries = await Promise.all([1, 2, 3].map(() => inbox.runOnce(db.pool, { consumerName: 'kpi', eventId }, countOpened('GD-SZ'))));

    expect(deliveries.filter(Boolean)).toHaveLength(1);
    expect(await opened('GD-SZ')).toBe(1);
  });

  it('rolls the ledger back with a failing effect, so the retry is treated as new', async () => {
    const eventId = randomUUID();
    const failing = inbox.runOnce(db.pool, { consumerName: 'kpi', eventId }, async (tx) => {
      await countOpened('GD-GZ')(tx);
      throw new Error('projection bug');
    });
    await expect(failing).rejects.toThrow('projection bug');
    expect(await opened('GD-GZ')).toBeUndefined();

    expect(await inbox.runOnce(db.pool, { consumerName: 'kpi', eventId }, countOpened('GD-GZ'))).toBe(true);
    expect(await opened('GD-GZ')).toBe(1);
  });

  it('refuses an executor used after its transaction ended instead of running outside it', async () => {
    let leaked: { query(sql: string): Promise<unknown> } | undefined;
    await inbox.runOnce(db.pool, { consumerName: 'kpi', eventId: randomUUID() }, (tx) => Promise.resolve(void (leaked = tx)));

    await expect(leaked?.query('SELECT 1')).rejects.toThrow(/transaction is over/);
  });
  describe('inside a batch transaction (a consumer that shares its batch)', () => {
    it('joins the batch: every handling commits with the batch, and what follows the commit runs after it', async () => {
      // The pool is one connection, as embedded: everything inside goes through the batch's transaction.
      const seen: string[] = [];
      await batchTransactionOn(db.pool)(async () => {
        for (const eventId of [randomUUID(), randomUUID()]) await inbox.runOnce(db.pool, { consumerName: 'kpi', eventId }, countOpened('SH-PD'));
        afterCommit(() => seen.push('after the commit'));
        seen.push('batch handled');
      });
      expect(seen).toEqual(['batch handled', 'after the commit']);
      expect(await opened('SH-PD')).toBe(2);
    });

    it('rolls every handling of the batch back when one fails, ledger included, and runs nothing after', async () => {
      const [first, second] = [randomUUID(), randomUUID()];
      const after = jest.fn();
      const batch = batchTransactionOn(db.pool)(async () => {
        await inbox.runOnce(db.pool, { consumerName: 'kpi', eventId: first }, countOpened('BJ-HD'));
        afterCommit(after);
        await inbox.runOnce(db.pool, { consumerName: 'kpi', eventId: second }, () => Promise.reject(new Error('projection bug')));
      });
      await expect(batch).rejects.toThrow('projection bug');
      expect(after).not.toHaveBeenCalled();
      expect(await opened('BJ-HD')).toBeUndefined();
      // Handled again one by one (as the reactor does), the first event is new.
      expect(await inbox.runOnce(db.pool, { consumerName: 'kpi', eventId: first }, countOpened('BJ-HD'))).toBe(true);
    });

    it('counts a redelivery within the same batch once', async () => {
      const eventId = randomUUID();
      const deliveries = await batchTransactionOn(db.pool)(async () => [
        await inbox.runOnce(db.pool, { consumerName: 'kpi', eventId }, countOpened('HK-KL')),
        await inbox.runOnce(db.pool, { consumerName: 'kpi', eventId }, countOpened('HK-KL')),
      ]);
      expect(deliveries).toEqual([true, false]);
      expect(await opened('HK-KL')).toBe(1);
    });

    it('takes no connection and opens no transaction for a batch whose handlers wrote nothing', async () => {
      const connect = jest.spyOn(db.pool, 'connect');
      const after = jest.fn();
      try {
        // Given a batch of events every handler passes over (no runOnce), when the batch is handled:
        const answer = await batchTransactionOn(db.pool)(() => {
          afterCommit(after);
          return Promise.resolve('passed over');
        });
        // then nothing was asked of the database, and what follows the "commit" still runs.
        expect(answer).toBe('passed over');
        expect(connect).not.toHaveBeenCalled();
        expect(after).toHaveBeenCalledTimes(1);
      } finally {
        connect.mockRestore();
      }
    });

    it('begins at the first handling that writes, and every later one joins the same transaction', async () => {
      const transactions = await batchTransactionOn(db.pool)(async () => {
        const ids: string[] = [];
        for (const region of ['TJ-HP', 'TJ-HX']) {
          await inbox.runOnce(db.pool, { consumerName: 'kpi', eventId: randomUUID() }, async (tx) => {
            await countOpened(region)(tx);
            const result = (await tx.query('SELECT txid_current()::text AS id')) as { rows: { id: string }[] };
            ids.push(result.rows[0]!.id);
          });
        }
        return ids;
      });
      expect(new Set(transactions).size).toBe(1);
      expect([await opened('TJ-HP'), await opened('TJ-HX')]).toEqual([1, 1]);
    });

    it('runs what a handling left for the end of the batch in its transaction, after the last handling and before the commit', async () => {
      const seen: string[] = [];
      await batchTransactionOn(db.pool)(async () => {
        await inbox.runOnce(db.pool, { consumerName: 'kpi', eventId: randomUUID() }, () => {
          expect(beforeCommit(async (tx) => { seen.push('finished'); await countOpened('SZ-NS')(tx); })).toBe(true);
          return Promise.resolve();
        });
        afterCommit(() => seen.push('after the commit'));
        seen.push('last handling');
      });
      expect(seen).toEqual(['last handling', 'finished', 'after the commit']);
      expect(await opened('SZ-NS')).toBe(1);
    });

    it('rolls the batch back, handlings and all, when what was left for its end fails', async () => {
      const eventId = randomUUID();
      const batch = batchTransactionOn(db.pool)(async () => {
        await inbox.runOnce(db.pool, { consumerName: 'kpi', eventId }, countOpened('SZ-FT'));
        beforeCommit(() => Promise.reject(new Error('fold bug')));
      });
      await expect(batch).rejects.toThrow('fold bug');
      expect(await opened('SZ-FT')).toBeUndefined();
      expect(await inbox.runOnce(db.pool, { consumerName: 'kpi', eventId }, countOpened('SZ-FT'))).toBe(true);
    });

    it('leaves the end to the caller outside any batch', () => {
      const finish = jest.fn();
      expect(beforeCommit(finish)).toBe(false);
      expect(finish).not.toHaveBeenCalled();
    });

    it('runs what follows the commit at once outside any batch', () => {
      const after = jest.fn();
      afterCommit(after);
      expect(after).toHaveBeenCalledTimes(1);
    });
  });
});
