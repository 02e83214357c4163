import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { intakeLanguage, readerFor, workflowLanguage, type PublishedLanguage } from '@collab/contracts';
import { intakeContract } from '@collab/intake';
import { PostgresEventStore, type NewEvent } from '@collab/event-store';
import { openDatabase } from '@collab/service-kit';
import { eventually, freshDatabase } from '@collab/testing';
import { Pool } from 'pg';
import { workflowContract } from '@collab/workflow';
import { freshTopic, KAFKA_BROKERS, topicContents, type TopicMessage } from '../analysts/topic-contents';
import { EmbeddedPlatform } from '../e2e/embedded-platform';
import { supervisor } from '../e2e/workflow/lifecycle-steps';
import { BusyDay } from '../rebuild/busy-day.fixtures';
import { runReplayCommand } from './replay.command';

jest.setTimeout(120_000);

/** A stored event as the table holds it, with the time its CloudEvent carries. */
interface StoredRow {
  readonly id: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly type: string;
  readonly time: number;
}

const storedRows = async (dataDir: string, service: string): Promise<StoredRow[]> => {
  const database = await openDatabase({ DATA_DIR: dataDir, DATABASE_POOL_SIZE: 1 }, { warn: () => undefined });
  try {
    const { rows } = await database.pool.query<{ event_id: string; stream_id: string; stream_version: number; type: string; occurred: string | null; recorded_at: Date }>(
      `select event_id, stream_id, stream_version, type, metadata->>'occurredAt' as occurred, recorded_at from ${service}.events order by position`,
    );
    return rows.map((row) => ({ id: row.event_id, streamId: row.stream_id, streamVersion: row.stream_version, type: row.type, time: Date.parse(row.occurred ?? row.recorded_at.toISOString()) }));
  } finally {
    await database.close();
  }
};

const replay = async (dataDir: string, args: readonly string[], database: Record<string, string> = { DATA_DIR: dataDir }): Promise<{ code: number; output: string }> => {
  let output = '';
  const code = await runReplayCommand(args, { out: { write: (text: string) => (output += text) }, env: { ...database, KAFKA_BROKERS }, signal: new AbortController().signal });
  return { code, output };
};

/** Stream versions per key in the order the topic holds them (one key is one partition, so offset order). */
const versionsByKey = (messages: readonly { key: string; version: number }[]): Map<string, number[]> => {
  const byKey = new Map<string, number[]>();
  for (const { key, version } of messages) byKey.set(key, [...(byKey.get(key) ?? []), version]);
  return byKey;
};

/** Every event in `expected` arrived exactly once, in its stream's order, nothing else did, and each reads as its service's published language. */
const expectExactly = (messages: readonly TopicMessage[], expected: readonly StoredRow[], language: PublishedLanguage): void => {
  expect(messages.map((message) => message.event.id).sort()).toEqual(expected.map((row) => row.id).sort());
  expect(new Set(messages.map((message) => message.event.id)).size).toBe(messages.length);
  expect(versionsByKey(messages.map((message) => ({ key: message.key, version: message.event.streamversion })))).toEqual(
    versionsByKey(expected.map((row) => ({ key: row.streamId, version: row.streamVersion }))),
  );
  for (const message of messages) {
    expect(new Set(messages.filter((other) => other.key === message.key).map((other) => other.partition)).size).toBe(1);
    expect({ key: message.key, subject: message.event.subject, contentType: message.contentType }).toEqual({ key: message.event.subject, subject: message.key, contentType: 'application/cloudevents+json' });
    expect(readerFor(language).read(message.event)?.type).toBeDefined();
  }
};

describe('npm run replay: a service history, or a time range of it, into a fresh topic', () => {
  let dataDir: string;
  let intake: StoredRow[];
  let workflow: StoredRow[];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'collab-replay-'));
    const platform = await EmbeddedPlatform.startOn(dataDir);
    const caseIds = await new BusyDay(platform).contacts(12, 5);
    for (const caseId of new Set(caseIds))
      await eventually(async () => expect((await platform.call('GET', `/api/v1/cases/${caseId}`, { caller: supervisor })).body).toMatchObject({ queue: expect.any(String) }), { timeoutMs: 30_000 });
    await platform.app.close();
    intake = (await storedRows(dataDir, 'intake')).filter((row) => intakeContract.publishes.includes(row.type));
    workflow = (await storedRows(dataDir, 'workflow')).filter((row) => workflowContract.publishes.includes(row.type));
  }, 180_000);
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("streams intake's full history: every published event exactly once, in stream order per key", async () => {
    const topic = freshTopic('replay-intake');
    const { code, output } = await replay(dataDir, ['intake', '--topic', topic]);
    expect({ code, output }).toMatchObject({ code: 0, output: expect.stringContaining(`${intake.length} published to ${topic}`) });
    expect(intake.some((row) => row.type === 'CaseOpened')).toBe(true);
    expectExactly(await topicContents(topic), intake, intakeLanguage);
  });

  it("streams workflow's full history the same way", async () => {
    const topic = freshTopic('replay-workflow');
    expect(await replay(dataDir, ['workflow', '--topic', topic])).toMatchObject({ code: 0 });
    expect(workflow.length).toBeGreaterThan(0);
    expectExactly(await topicContents(topic), workflow, workflowLanguage);
  });

  it('streams only the events that happened in [--from, --to), none outside it', async () => {
    const times = [...new Set(intake.map((row) => row.time))].sort((a, b) => a - b);
    const [from, to] = [times[Math.floor(times.length / 4)]!, times[Math.floor((3 * times.length) / 4)]!];
    const inRange = intake.filter((row) => row.time >= from && row.time < to);
    expect(inRange.length).toBeGreaterThan(0);
    expect(inRange.length).toBeLessThan(intake.length);
    const topic = freshTopic('replay-range');
    const args = ['intake', '--topic', topic, '--from', new Date(from).toISOString(), '--to', new Date(to).toISOString()];
    expect(await replay(dataDir, args)).toMatchObject({ code: 0 });
    expectExactly(await topicContents(topic), inRange, intakeLanguage);
  });

  it('refuses a topic that already had messages, and a wrong command line with the usage', async () => {
    const topic = freshTopic('replay-twice');
    expect(await replay(dataDir, ['intake', '--topic', topic])).toMatchObject({ code: 0 });
    expect(await replay(dataDir, ['intake', '--topic', topic])).toEqual({ code: 1, output: expect.stringContaining(`topic ${topic} already had ${intake.length} message(s)`) });
    expect((await topicContents(topic)).length).toBe(intake.length);
    for (const args of [['intake'], ['billing', '--topic', 't'], ['intake', '--topic', 't', '--from', 'yesterday'], ['intake', '--topic', 't', '--from', '2026-11-24T00:00:00Z', '--to', '2026-11-23T00:00:00Z']])
      expect(await replay(dataDir, args)).toEqual({ code: 2, output: expect.stringContaining('usage: npm run replay -- <service> --topic <name>') });
  });
});

describe('npm run replay beside running services (DATABASE_URL), over events an older build stored', () => {
  const caseId = '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84';
  const metadata = { correlationId: 'corr-1', actor: { id: 'workflow.route-case', kind: 'service' } } as const;
  /** As main stored them before events had schema versions: CaseRegistered without the tier, the queueing as CaseAssigned. */
  const storedByMain: NewEvent[] = [
    {
      id: '0d7b7f52-55c3-4a35-9d38-2f1c1e0e1a01',
      type: 'CaseRegistered',
      data: { caseId, channel: 'app', audience: 'EXTERNAL', requestType: 'COMPLAINT', category: 'billing', region: 'GD-SZ', priority: 'NORMAL', language: 'zh-Hans', subject: 's', description: 'd', openedAt: '2026-11-23T02:00:00.000Z' },
      metadata,
    },
    { id: '0d7b7f52-55c3-4a35-9d38-2f1c1e0e1a02', type: 'CaseAssigned', data: { caseId, queue: 'complaints', ruleId: 'complaints', assignedAt: '2026-11-23T02:00:01.000Z' }, metadata },
  ];

  it('publishes them upcast, as the current public versions the relay publishes', async () => {
    const database = await freshDatabase('collab_replay');
    const pool = new Pool({ connectionString: database.url, max: 1 });
    try {
      const stored = new PostgresEventStore({ pool, schema: 'workflow' });
      await stored.ensureSchema();
      await stored.append(`case-${caseId}`, storedByMain, 'no_stream');
      const topic = freshTopic('replay-upcast');
      expect(await replay('', ['workflow', '--topic', topic], { DATABASE_URL: database.url })).toMatchObject({ code: 0 });
      const messages = await topicContents(topic);
      expect(messages.map(({ key, event }) => [key, event.type, event.streamversion])).toEqual([
        [`case-${caseId}`, 'collab.workflow.CaseRegistered.v2', 1],
        [`case-${caseId}`, 'collab.workflow.CaseQueued.v1', 2],
      ]);
      expect(messages[0]!.event.data).toMatchObject({ caseId, customerTier: null });
      for (const { event } of messages) expect(readerFor(workflowLanguage).read(event)?.version).toBe(Number(event.type.slice(-1)));
    } finally {
      await pool.end();
      await database.drop();
    }
  });
});
