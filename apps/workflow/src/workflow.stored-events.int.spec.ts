import { Pool } from 'pg';
import { PostgresEventStore, UpcastingEventStore, type NewEvent } from '@collab/event-store';
import { freshDatabase, type FreshDatabase } from '@collab/testing';
import { WORKFLOW_STORED_EVENTS } from '@collab/workflow-domain';

/**
 * Rows exactly as main stored them before events had schema versions: CaseRegistered without the
 * customer's tier, the queueing under its old name CaseAssigned, no `schemaVersion` in the metadata.
 */
const caseId = '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84';
const metadata = { correlationId: 'corr-1', actor: { id: 'workflow.route-case', kind: 'service' } } as const;
const storedByMain: NewEvent[] = [
  {
    id: '0d7b7f52-55c3-4a35-9d38-2f1c1e0e1a01',
    type: 'CaseRegistered',
    data: {
      caseId,
      channel: 'app',
      audience: 'EXTERNAL',
      requestType: 'COMPLAINT',
      category: 'billing',
      region: 'GD-SZ',
      priority: 'NORMAL',
      language: 'zh-Hans',
      subject: 's',
      description: 'd',
      openedAt: '2026-11-23T02:00:00.000Z',
    },
    metadata,
  },
  {
    id: '0d7b7f52-55c3-4a35-9d38-2f1c1e0e1a02',
    type: 'CaseAssigned',
    data: { caseId, queue: 'complaints', ruleId: 'complaints', assignedAt: '2026-11-23T02:00:01.000Z' },
    metadata,
  },
];

describe("workflow's stored events across schema versions", () => {
  let database: FreshDatabase;
  let pool: Pool;
  let stored: PostgresEventStore;
  let store: UpcastingEventStore;

  beforeAll(async () => {
    database = await freshDatabase('stored_versions');
    pool = new Pool({ connectionString: database.url, max: 2 });
    stored = new PostgresEventStore({ pool, schema: 'workflow' });
    await stored.ensureSchema();
    await stored.append(`case-${caseId}`, storedByMain, 'no_stream');
    store = new UpcastingEventStore(stored, WORKFLOW_STORED_EVENTS);
  }, 30_000);
  afterAll(async () => {
    await stored?.close();
    await pool?.end();
    await database?.drop();
  });

  it('reads v1 rows stored by main as the newest versions, for folds and for the log alike', async () => {
    const expected = [
      {
        type: 'CaseRegistered',
        data: { ...storedByMain[0]!.data, customerTier: null },
        metadata: { ...metadata, schemaVersion: 2 },
      },
      { type: 'CaseQueued', data: storedByMain[1]!.data, metadata: { ...metadata, schemaVersion: 1 } },
    ];
    expect(await store.readStream(`case-${caseId}`)).toMatchObject(expected);
    expect(await store.readAll({ after: 0n, maxCount: 10 })).toMatchObject(expected);
    expect((await store.readStreams([`case-${caseId}`])).get(`case-${caseId}`)).toMatchObject(expected);
  });

  it('leaves the stored rows as they were, and stamps each new event with its current schema version', async () => {
    expect(
      (await stored.readStream(`case-${caseId}`)).map((event) => [
        event.type,
        event.metadata['schemaVersion'],
      ]),
    ).toEqual([
      ['CaseRegistered', undefined],
      ['CaseAssigned', undefined],
    ]);
    await store.append(
      `case-${caseId}`,
      [{ id: '0d7b7f52-55c3-4a35-9d38-2f1c1e0e1a03', type: 'CaseWorkStarted', data: { caseId }, metadata }],
      2,
    );
    await store.append(
      'case-other',
      [
        {
          ...storedByMain[0]!,
          id: '0d7b7f52-55c3-4a35-9d38-2f1c1e0e1a04',
          data: { ...storedByMain[0]!.data, customerTier: 'VIP' },
        },
      ],
      'no_stream',
    );
    expect(
      (await stored.readAll({ after: 0n, maxCount: 10 })).map((event) => [
        event.type,
        event.metadata['schemaVersion'],
      ]),
    ).toEqual([
      ['CaseRegistered', undefined],
      ['CaseAssigned', undefined],
      ['CaseWorkStarted', 1],
      ['CaseRegistered', 2],
    ]);
    expect((await store.readStream('case-other'))[0]).toMatchObject({
      data: { customerTier: 'VIP' },
      metadata: { schemaVersion: 2 },
    });
  });
});
