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

/** A collaboration as main stored it (schema version 1): who asked, accepted or wrote by id only. */
const taskId = '2c4e6a8b-1d3f-4b5d-9e7f-0a2c4e6a8b1d';
const request = {
  taskId,
  caseId,
  parentTaskId: null,
  to: { kind: 'PARTNER', id: 'reseller-a', region: 'GD-FS' },
  reason: '请现场检测光猫',
  sla: { calendarId: 'cn-standard', acceptWithinBusinessMinutes: 60, completeWithinBusinessMinutes: 960 },
  acceptDueAt: '2026-11-23T03:00:00.000Z',
  completeDueAt: '2026-11-24T03:00:00.000Z',
  actor: { id: 'agent-li', kind: 'user' },
};
const partnerAgent = { id: 'reseller-a', kind: 'partner' };
const taskStoredByMain: NewEvent[] = [
  { id: '0d7b7f52-55c3-4a35-9d38-2f1c1e0e1b01', type: 'CollaborationRequested', data: { ...request, fromUnit: 'complaints', requestedAt: '2026-11-23T02:01:00.000Z' }, metadata },
  { id: '0d7b7f52-55c3-4a35-9d38-2f1c1e0e1b02', type: 'TaskAccepted', data: { taskId, caseId, unit: 'reseller-a', actor: partnerAgent, acceptedAt: '2026-11-23T02:02:00.000Z' }, metadata },
  { id: '0d7b7f52-55c3-4a35-9d38-2f1c1e0e1b03', type: 'TaskNoteAdded', data: { taskId, caseId, unit: 'reseller-a', note: '明天上门', actor: partnerAgent, addedAt: '2026-11-23T02:03:00.000Z' }, metadata },
];
const openedByMain: NewEvent = {
  id: '0d7b7f52-55c3-4a35-9d38-2f1c1e0e1b04',
  type: 'CollaborationTaskOpened',
  data: { ...request, fromUnit: 'complaints', openedAt: '2026-11-23T02:01:00.000Z' },
  metadata,
};

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

  it('reads a collaboration main stored at v1 with tagged parties: the asking queue, the accepting and writing partner', async () => {
    await stored.append(`task-${taskId}`, taskStoredByMain, 'no_stream');
    await stored.append('case-opened-task', [openedByMain], 'no_stream');
    const { fromUnit: _id, ...asked } = taskStoredByMain[0]!.data as Record<string, unknown>;
    expect(await store.readStream(`task-${taskId}`)).toMatchObject([
      { type: 'CollaborationRequested', data: { ...asked, from: { kind: 'QUEUE', id: 'complaints' } }, metadata: { schemaVersion: 2 } },
      { type: 'TaskAccepted', data: { by: { kind: 'PARTNER', id: 'reseller-a' } }, metadata: { schemaVersion: 2 } },
      { type: 'TaskNoteAdded', data: { by: { kind: 'PARTNER', id: 'reseller-a' }, note: '明天上门' }, metadata: { schemaVersion: 2 } },
    ]);
    const [opened] = await store.readStream('case-opened-task');
    expect(opened).toMatchObject({ type: 'CollaborationTaskOpened', data: { from: { kind: 'QUEUE', id: 'complaints' } }, metadata: { schemaVersion: 2 } });
    expect(opened!.data).not.toHaveProperty('fromUnit');
  });
});
