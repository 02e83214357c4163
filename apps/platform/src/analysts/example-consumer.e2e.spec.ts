import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import type { Pool } from 'pg';
import { caseOpenedV3 } from '@collab/contracts';
import { intakeContract } from '@collab/intake';
import { DATABASE, type Database } from '@collab/service-kit';
import { eventually } from '@collab/testing';
import { workflowContract } from '@collab/workflow';
import { EmbeddedPlatform } from '../e2e/embedded-platform';
import { supervisor } from '../e2e/workflow/lifecycle-steps';
import { BusyDay } from '../rebuild/busy-day.fixtures';
import { positions } from '../rebuild/read-model-rows';
import { KAFKA_BROKERS } from './topic-contents';

jest.setTimeout(120_000);

const REPO = join(__dirname, '..', '..', '..', '..');
const CONTRACTS = { intake: intakeContract, workflow: workflowContract } as const;

interface ValidatorRun {
  readonly code: number | null;
  readonly valid: { readonly type: string; readonly id: string }[];
  readonly invalid: string[];
  readonly summary: { readonly messages: number; readonly valid: number; readonly invalid: number };
}

/** examples/topic-validator as an analyst runs it, bounded in time. */
const runValidator = (topic: string): Promise<ValidatorRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', './tools/register.js', 'examples/topic-validator/validate-topic.ts', '--brokers', KAFKA_BROKERS, '--topic', topic, '--verbose'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const lines = output.trim().split('\n');
      const valid = lines.filter((line) => line.startsWith('valid ')).map((line) => ({ type: line.split(' ')[2]!, id: line.split(' ')[3]! }));
      try {
        resolve({ code, valid, invalid: lines.filter((line) => line.startsWith('INVALID ')), summary: JSON.parse(lines[lines.length - 1] ?? '') as ValidatorRun['summary'] });
      } catch {
        reject(new Error(`the validator ended with ${String(code)} and printed no summary:\n${output}`));
      }
    });
  });

/** The ids of the events a service published up to its relay's checkpoint. */
const publishedIds = async (pool: Pool, service: keyof typeof CONTRACTS): Promise<string[]> => {
  const { checkpoints } = await positions(pool, service);
  const { rows } = await pool.query<{ event_id: string; type: string }>(`select event_id, type from ${service}.events where position <= $1`, [String(checkpoints.get(`relay:${service}`) ?? 0n)]);
  return rows.filter((row) => CONTRACTS[service].publishes.includes(row.type)).map((row) => row.event_id);
};

describe("the analysts' example consumer (examples/topic-validator) over topics a running platform's relay filled", () => {
  const prefix = `test.analysts.${randomBytes(4).toString('hex')}.`;
  let platform: EmbeddedPlatform;
  let pool: Pool;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({ KAFKA_BROKERS, KAFKA_TOPIC_PREFIX: prefix, KAFKA_PARTITIONS: '3' });
    pool = platform.app.get<Database>(DATABASE).pool;
    const caseIds = await new BusyDay(platform).contacts(10, 4);
    for (const caseId of new Set(caseIds))
      await eventually(async () => expect((await platform.call('GET', `/api/v1/cases/${caseId}`, { caller: supervisor })).body).toMatchObject({ queue: expect.any(String) }), { timeoutMs: 60_000 });
    for (const service of Object.keys(CONTRACTS))
      await eventually(async () => {
        const { head, checkpoints } = await positions(pool, service);
        expect(checkpoints.get(`relay:${service}`)).toBe(head);
      }, { timeoutMs: 30_000 });
  }, 180_000);
  afterAll(() => platform?.stop());

  it.each(Object.keys(CONTRACTS) as (keyof typeof CONTRACTS)[])("reads %s's topic from the beginning: every message valid, every published event there", async (service) => {
    const expected = await publishedIds(pool, service);
    expect(expected.length).toBeGreaterThan(0);
    const run = await runValidator(`${prefix}collab.${service}.events.v1`);
    expect({ code: run.code, invalid: run.invalid }).toEqual({ code: 0, invalid: [] });
    expect(run.summary).toEqual({ topic: `${prefix}collab.${service}.events.v1`, messages: run.valid.length, valid: run.valid.length, invalid: 0 });
    // Publishing is at least once: a message may come twice, none may be missing, nothing else is there.
    expect([...new Set(run.valid.map(({ id }) => id))].sort()).toEqual([...expected].sort());
    if (service === 'intake') expect(run.valid.map(({ type }) => type)).toContain(caseOpenedV3.eventType);
  });

  it('names every message that breaks its contract, and exits 1', async () => {
    const topic = `test.analysts-broken.${randomBytes(4).toString('hex')}.collab.intake.events.v1`;
    const opened = (data: object, id: string) => JSON.stringify({ specversion: '1.0', id, source: '/collab/intake', type: caseOpenedV3.eventType, subject: 'case-1', time: '2026-11-23T02:00:00.000Z', datacontenttype: 'application/json', dataschema: caseOpenedV3.schemaId, data, streamversion: 1, position: '1', correlationid: 'c-1', actor: 'service:intake' });
    const [example] = caseOpenedV3.examples;
    const headers = { 'content-type': 'application/cloudevents+json' };
    const producer = new Kafka({ clientId: 'analysts-test', brokers: KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [
        { key: 'case-1', value: opened(example!, 'good'), headers },
        { key: 'case-1', value: opened({ ...example, requester: { ...example!.requester, phone: '13800000000' } }, 'with-phone'), headers },
        { key: 'case-1', value: opened(example!, 'no-header') },
      ],
    });
    await producer.disconnect();
    const run = await runValidator(topic);
    expect(run.code).toBe(1);
    expect(run.summary).toMatchObject({ messages: 3, valid: 1, invalid: 2 });
    expect(run.invalid).toEqual([expect.stringMatching(/with-phone: \/data\/requester must NOT have additional properties/), expect.stringMatching(/no-header: content-type header is undefined/)]);
  });
});
