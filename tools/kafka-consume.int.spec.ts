import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Kafka, logLevel, Partitioners } from 'kafkajs';

const REPO = join(__dirname, '..');
const BROKERS = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092';

jest.setTimeout(150_000);

/** `scripts/kafka.sh consume …` as README.md tells an analyst to run it, bounded in time. */
const consume = (args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn('bash', [join(REPO, 'scripts', 'kafka.sh'), 'consume', ...args], { cwd: REPO, env: { ...process.env, KAFKA_BROKERS: BROKERS }, stdio: ['ignore', 'pipe', 'pipe'] });
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });

describe('scripts/kafka.sh consume: one command to read a topic (the broker’s own console consumer, kafka-tools)', () => {
  it('prints every message of the topic from the beginning, key and value, in order', async () => {
    const topic = `test.kafka-consume.${randomBytes(4).toString('hex')}`;
    const producer = new Kafka({ clientId: 'kafka-consume-test', brokers: BROKERS.split(','), logLevel: logLevel.NOTHING }).producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const messages = [1, 2, 3].map((n) => ({ key: `case-${n}`, value: JSON.stringify({ specversion: '1.0', id: `e-${n}`, subject: `case-${n}`, data: { note: `第 ${n} 条` } }) }));
    await producer.send({ topic, messages });
    await producer.disconnect();

    const { code, stdout, stderr } = await consume([topic, '--max-messages', '3', '--timeout-ms', '60000', '--partition', '0']);
    // Its own log lines go to stderr, never among the messages; a first run also says it resolves the jars there.
    expect({ code, stderr }).toEqual({ code: 0, stderr: expect.stringContaining('Processed a total of 3 messages') });
    expect(stderr).not.toMatch(/ERROR|Exception/);
    expect(stdout.trimEnd().split('\n')).toEqual(messages.map(({ key, value }) => `${key}\t${value}`));
  });

  it('answers a missing topic argument with its usage (exit 2)', async () => {
    expect(await consume([])).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: ') });
  });
});
