import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, freePort, startServiceProcess, type ServiceProcess } from '@collab/testing';
import { aComplaint, tokenFor } from './first-slice.scenario';

const jwtSecret = 'killed-process-e2e-secret-0123-abcdef';
const contacts = 25;

describe('the embedded platform killed with SIGKILL', () => {
  let dataDir: string;
  let platform: ServiceProcess | undefined;

  const start = async () =>
    startServiceProcess('platform', { DATA_DIR: dataDir, AUTH_JWT_SECRET: jwtSecret, GRPC_PORT: String(await freePort()) }, await freePort());

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'collab-killed-'));
  });

  afterAll(async () => {
    await platform?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged contact, and routes every one of them after the restart', async () => {
    platform = await start();
    // A channel submits for the customers it serves (a customer's own token speaks only for its sub).
    const channel = await tokenFor(jwtSecret, 'channel-4711', 'EXTERNAL', ['channel']);
    const submit = (i: number) =>
      fetch(`${platform!.baseUrl}/api/v1/contacts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${channel}`, 'content-type': 'application/json' },
        // A customer each: contacts of one customer in one category would rightly join one case.
        body: JSON.stringify({ ...aComplaint, requester: { id: `cust-killed-${i}` }, subject: `${aComplaint.subject} #${i}` }),
      }).then(async (response) => {
        expect(response.status).toBe(201);
        return ((await response.json()) as { caseId: string }).caseId;
      });
    const caseIds = await Promise.all(Array.from({ length: contacts }, (_, i) => submit(i)));
    expect(new Set(caseIds).size).toBe(contacts);

    await platform.kill();
    platform = await start();

    const agent = await tokenFor(jwtSecret, 'agent-1', 'INTERNAL', ['agent']);
    for (const caseId of caseIds) {
      await eventually(async () => {
        const response = await fetch(`${platform!.baseUrl}/api/v1/cases/${caseId}`, { headers: { authorization: `Bearer ${agent}` } });
        expect(response.status).toBe(200);
        expect(await response.json()).toMatchObject({ id: caseId, status: 'QUEUED', queue: 'complaints' });
      });
    }
  });
});
