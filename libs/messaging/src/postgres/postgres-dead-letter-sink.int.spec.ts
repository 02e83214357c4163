import { caseId, caseOpened, intakeContract } from '../testing/collab-fixtures';
import { testSchema, type TestSchema } from '../testing/postgres-test-kit';
import { toCollabEvent } from '../envelope';
import { PostgresDeadLetterSink } from './postgres-dead-letter-sink';

jest.setTimeout(30_000);

describe('PostgresDeadLetterSink', () => {
  let db: TestSchema;
  let sink: PostgresDeadLetterSink;

  beforeAll(async () => {
    db = await testSchema('dead_letters');
    sink = new PostgresDeadLetterSink({ pool: db.pool, schema: db.schema });
    await sink.ensureSchema();
    await sink.ensureSchema(); // idempotent: every process start runs it
  });
  afterAll(() => db.drop());

  it('keeps the whole event with the error and the attempts, per consumer, oldest first', async () => {
    const stream = caseId();
    const event = toCollabEvent(intakeContract, { ...caseOpened(), streamId: stream, streamVersion: 1, position: 7n, recordedAt: new Date() });
    await sink.record({ consumerName: 'kpi', event, error: new TypeError('region unknown'), attempts: 5 });
    await sink.record({ consumerName: 'data-cube', event, error: 'plain string failure', attempts: 2 });

    const forKpi = await sink.list('kpi');
    expect(forKpi).toEqual([
      expect.objectContaining({ consumerName: 'kpi', event, errorName: 'TypeError', errorMessage: 'region unknown', attempts: 5 }),
    ]);
    expect((await sink.list()).map((letter) => [letter.consumerName, letter.errorMessage])).toEqual([
      ['kpi', 'region unknown'],
      ['data-cube', 'plain string failure'],
    ]);
  });

  it('refuses a schema name that is not a plain identifier', () => {
    expect(() => new PostgresDeadLetterSink({ pool: db.pool, schema: 'x; DROP TABLE y' })).toThrow(/not a plain schema name/);
  });
});
