import { Pool } from 'pg';
import { intakeLanguage, knowledgeLanguage, workflowLanguage, type ServiceName } from '@collab/contracts';
import { PostgresEventStore } from '@collab/event-store';
import type { RebuildPhase } from '@collab/following';
import { ProcessedEvents, toCollabEvent } from '@collab/messaging';
import { loadDatabaseSettings, migrateSchema, openDatabase, rebuildFollowedReadModel, type Database } from '@collab/service-kit';
import { freshDatabase, type FreshDatabase } from '@collab/testing';
import { dataReadModels } from '../data.read-models';
import { DATA_MIGRATIONS } from '../migrations/data.migrations';
import { feedContract, type FeedEvent, type FeedService } from '../testing/published-feed';
import {
  aCase, caseOpened, caseRegistered, caseResolved, collaborationRequested, contactAppended, feedbackRecorded, taskCompleted, taskReturned, type TaskFixture,
} from '../testing/service-events.fixtures';

const CONTRACTS = { intake: feedContract(intakeLanguage), workflow: feedContract(workflowLanguage), knowledge: feedContract(knowledgeLanguage) };
const TABLES = ['data.fact', 'data.case_dim', 'data.task_dim'];
const quiet = { warn: () => undefined };
const facts = dataReadModels.followed!.find((model) => model.name === 'facts')!;

const A = aCase({ region: 'GD-SZ', channel: 'app', at: '2026-11-30T02:00:00.000Z' });
const B = aCase({ region: 'BJ', channel: 'web', channelKind: 'WEB', requestType: 'FAULT', at: '2026-11-30T03:00:00.000Z' });
const C = aCase({ region: 'GD-GZ', channel: 'app', at: '2026-12-01T01:00:00.000Z' });
const leg = (taskId: string, caseId: string, to: TaskFixture['to'], at: string): TaskFixture => ({ taskId, caseId, fromUnit: 'gd-billing', to, at });
const toBilling = leg('task-1', A.caseId, { kind: 'UNIT', id: 'gd-network', region: 'GD' }, '2026-11-30T03:00:00.000Z');
const toPartner = leg('task-2', B.caseId, { kind: 'PARTNER', id: 'reseller-1', region: 'BJ' }, '2026-11-30T04:00:00.000Z');

/** What the logs held before the rebuild started. */
const HISTORY: FeedEvent[] = [
  caseOpened(A), caseOpened(B), contactAppended(A, { channel: 'gd-hotline', channelKind: 'PHONE', at: '2026-11-30T02:30:00.000Z' }),
  ...caseRegistered(A, 'gd-billing'), ...caseRegistered(B, 'bj-front'),
  collaborationRequested(toBilling), collaborationRequested(toPartner), taskCompleted(toBilling, '2026-11-30T06:00:00.000Z'),
  caseResolved(A, '2026-11-30T07:00:00.000Z'), feedbackRecorded(A, 4, '2026-11-30T08:00:00.000Z'),
];
/** What the services appended while the rebuild ran: it must be in the rebuilt tables too. */
const MEANWHILE: FeedEvent[] = [caseOpened(C), ...caseRegistered(C, 'gd-billing'), taskReturned(toPartner, '2026-12-01T02:00:00.000Z'), caseResolved(B, '2026-12-01T03:00:00.000Z')];

const picture = async (pool: Pool): Promise<string[][]> =>
  Promise.all(TABLES.map(async (table) => (await pool.query<{ row: string }>(`select to_jsonb(t)::text as row from ${table} t`)).rows.map((row) => row.row).sort()));

/*
 * Distributed mode on PostgreSQL: the data service's database holds its tables, the source
 * services' logs live in a database of their own (as <SOURCE>_DATABASE_URL would point to), and
 * the live consumers go on writing while the rebuild runs.
 */
describe('rebuilding the data service’s fact store from other services’ logs (PostgreSQL, logs in their own database)', () => {
  let target: FreshDatabase;
  let source: FreshDatabase;
  let database: Database;
  let sourcePool: Pool;
  const stores = {} as Record<FeedService, PostgresEventStore>;
  const inbox = new ProcessedEvents({ schema: 'data' });
  const applied = new Set<string>();

  /** Appends to the source logs, and has the live consumers apply what they have not yet. */
  const happen = async (events: readonly FeedEvent[]): Promise<void> => {
    for (const event of events) {
      const metadata = { correlationId: event.id, actor: { id: 'spec', kind: 'system' as const }, occurredAt: '2026-12-01T00:00:00.000Z' };
      await stores[event.service].append(event.stream, [{ id: event.id, type: event.type, data: event.data, metadata }], 'any');
    }
    for (const { source: service, effect } of facts.sources)
      for (const recorded of await stores[service as FeedService].readAll({ after: 0n, maxCount: 1_000 })) {
        const event = toCollabEvent(CONTRACTS[service as keyof typeof CONTRACTS], recorded);
        const apply = effect(event);
        if (apply && !applied.has(event.id)) await inbox.runOnce(database.pool, { consumerName: `data.facts.${service}`, eventId: event.id }, apply);
        applied.add(event.id);
      }
  };

  beforeAll(async () => {
    [target, source] = [await freshDatabase('collab_rebuild_data'), await freshDatabase('collab_rebuild_logs')];
    database = await openDatabase(loadDatabaseSettings({ DATABASE_URL: target.url }), quiet);
    await migrateSchema(database, 'data', DATA_MIGRATIONS);
    await inbox.ensureSchema(database.pool);
    sourcePool = new Pool({ connectionString: source.url, max: 4 });
    for (const service of ['intake', 'workflow', 'knowledge'] as const) {
      stores[service] = new PostgresEventStore({ pool: sourcePool, schema: service });
      await stores[service].ensureSchema();
    }
    await happen(HISTORY);
  }, 60_000);

  afterAll(async () => {
    await database?.close();
    await sourcePool?.end();
    await target?.drop();
    await source?.drop();
  });

  it('equals the live tables row for row, events appended during the rebuild included', async () => {
    const before = await picture(database.pool);
    let liveAtSwap: string[][] = [];
    const phases: RebuildPhase[] = [];
    const report = await rebuildFollowedReadModel({
      database,
      service: dataReadModels,
      readModel: facts,
      logs: (service: ServiceName) => ({ contract: CONTRACTS[service as keyof typeof CONTRACTS], pool: sourcePool }),
      progress: {
        phase: async (phase) => {
          phases.push(phase);
          if (phase !== 'indexing') return;
          await happen(MEANWHILE);
          liveAtSwap = await picture(database.pool);
        },
        advanced: () => undefined,
      },
      signal: new AbortController().signal,
      batchSize: 3,
    });
    expect(phases).toEqual(['preparing', 'catching-up', 'indexing', 'final-catch-up', 'swapping', 'swapped']);
    expect(liveAtSwap[0]!.length).toBeGreaterThan(before[0]!.length);
    expect(await picture(database.pool)).toEqual(liveAtSwap);
    expect(report.rows.get('data.fact')).toBe(liveAtSwap[0]!.length);
    expect([...report.positions.keys()]).toEqual(['intake', 'workflow', 'knowledge']);

    // After the swap a consumer may apply an event the rebuild already holds (it had not seen it yet): nothing changes.
    await database.pool.query('delete from data.processed_events');
    applied.clear();
    await happen([]);
    expect(await picture(database.pool)).toEqual(liveAtSwap);
  }, 60_000);
});
