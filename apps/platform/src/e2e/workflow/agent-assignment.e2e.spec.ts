import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, freePort, startServiceProcess, type ServiceProcess } from '@collab/testing';
import { EmbeddedPlatform, type Caller } from '../embedded-platform';
import { aComplaint, tokenFor } from '../first-slice.scenario';

const admin: Caller = { sub: 'admin-zhao', audience: 'INTERNAL', roles: ['admin'] };
const supervisor: Caller = {
  sub: 'front-line-supervisor',
  audience: 'INTERNAL',
  roles: ['supervisor'],
  unit: 'front-line',
};
const agentCaller = (sub: string): Caller => ({
  sub,
  audience: 'INTERNAL',
  roles: ['agent'],
  unit: 'front-line',
});

/** Two agents of the complaints queue who differ in skills, languages and, later, room. */
const billingAgent = {
  id: 'agent-billing',
  unitId: 'front-line',
  queues: ['complaints'],
  skills: ['billing', 'complaint'],
  languages: ['zh'],
  capacity: 3,
};
const networkAgent = {
  id: 'agent-network',
  unitId: 'front-line',
  queues: ['complaints'],
  skills: ['network', 'complaint'],
  languages: ['zh', 'en'],
  capacity: 3,
};
/** Serves the front line only: once a case there has an owner, the assigner has passed every earlier event. */
const frontLineAgent = {
  id: 'agent-front',
  unitId: 'front-line',
  queues: ['front-line'],
  skills: [],
  languages: ['*'],
  capacity: 50,
};

let contactNumber = 0;
/** Every case the spec opened, to check at the end that none was given an owner twice. */
const opened: string[] = [];

describe('assignment inside a queue: skills, then language, then least load (分派)', () => {
  let platform: EmbeddedPlatform;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start();
    for (const agent of [billingAgent, networkAgent, frontLineAgent])
      expect((await platform.call('POST', '/api/v1/org/agents', { caller: admin, body: agent })).status).toBe(
        201,
      );
  });
  afterAll(() => platform?.stop());

  /** A complaint (routed to the complaints queue) from a customer of its own, so no contact joins another's case. */
  const complain = async (category: string, language: string, requestType = 'COMPLAINT'): Promise<string> => {
    contactNumber += 1;
    const requester = `cust-assign-${contactNumber}`;
    const answer = await platform.call('POST', '/api/v1/contacts', {
      caller: { sub: requester, audience: 'EXTERNAL' },
      body: {
        channel: 'app',
        audience: 'EXTERNAL',
        requester: { id: requester },
        requestType,
        category,
        language,
        subject: `Contact ${contactNumber}`,
        description: 'Please look into it.',
        region: 'GD-SZ',
      },
    });
    expect(answer.status).toBe(201);
    opened.push(String(answer.body['caseId']));
    return String(answer.body['caseId']);
  };
  const caseOf = async (caseId: string) =>
    (await platform.call('GET', `/api/v1/cases/${caseId}`, { caller: supervisor })).body;
  const ownerOf = (caseId: string) =>
    eventually(async () => {
      const found = await caseOf(caseId);
      expect(found['assignee']).toEqual(expect.any(String));
      return found['assignee'];
    });
  /** Returns once the assigner has handled everything submitted before this call. */
  const assignerCaughtUp = async () =>
    expect(await ownerOf(await complain('plan/change', 'zh-Hans', 'CONSULT'))).toBe('agent-front');
  const assignmentsOf = async (caseId: string) => {
    const history = await platform.call('GET', `/api/v1/cases/${caseId}/history`, { caller: supervisor });
    expect(history.status).toBe(200);
    return (
      history.body['items'] as { type: string; actor: unknown; data: Record<string, unknown> }[]
    ).filter((event) => event.type === 'CaseAssignedToAgent');
  };
  const loadOf = async (agentId: string) =>
    (await platform.call('GET', `/api/v1/org/agents/${agentId}`, { caller: supervisor })).body['load'];

  it('routes the complaints to their queue, and nobody but its agents owns them', async () => {
    const caseId = await complain('billing/wrong-charge', 'zh-Hans');
    expect(await ownerOf(caseId)).toBe('agent-billing');
    expect(await caseOf(caseId)).toMatchObject({ queue: 'complaints', status: 'ASSIGNED' });
    expect(await assignmentsOf(caseId)).toEqual([
      expect.objectContaining({
        actor: { id: 'workflow.assign-agent', kind: 'service' },
        data: expect.objectContaining({
          agentId: 'agent-billing',
          actor: { id: 'workflow.assign-agent', kind: 'service' },
          reason: 'skills 2/2 (billing, complaint); speaks zh-Hans (language preferred); load 0/3',
        }),
      }),
    ]);
  });

  /** A case agent-network owns, to resolve later. */
  let networkCase: string;

  it('gives a network complaint to the agent with the network skill', async () => {
    networkCase = await complain('network/no-signal', 'zh-Hans');
    expect(await ownerOf(networkCase)).toBe('agent-network');
  });

  it('between equal skills, gives the case to the agent who speaks its language', async () => {
    // plan/change matches neither billing nor network: one skill each (complaint); only agent-network speaks English.
    expect(await ownerOf(await complain('plan/change', 'en'))).toBe('agent-network');
  });

  it('between equal skills and language, gives the case to the agent with the least load', async () => {
    expect([await loadOf('agent-billing'), await loadOf('agent-network')]).toEqual([1, 2]);
    expect(await ownerOf(await complain('plan/change', 'zh-Hans'))).toBe('agent-billing');
  });

  describe('when nobody has room', () => {
    let waiting: string;
    let later: string;

    it('lets the case wait in its queue without an owner', async () => {
      // Loads 2/3 and 2/3: one more each fills both.
      expect(await ownerOf(await complain('plan/change', 'zh-Hans'))).toBe('agent-billing');
      expect(await ownerOf(await complain('plan/change', 'zh-Hans'))).toBe('agent-network');
      waiting = await complain('billing/refund', 'zh-Hans');
      await assignerCaughtUp();
      expect(await caseOf(waiting)).toMatchObject({ queue: 'complaints', assignee: null });
      expect([await loadOf('agent-billing'), await loadOf('agent-network')]).toEqual([3, 3]);
    });

    it('gives the longest-waiting case to the first agent whose case is resolved', async () => {
      later = await complain('network/slow-internet', 'zh-Hans');
      await assignerCaughtUp();
      expect(await caseOf(later)).toMatchObject({ assignee: null });

      const asOwner = agentCaller('agent-network');
      expect(
        (await platform.call('POST', `/api/v1/cases/${networkCase}/start`, { caller: asOwner })).status,
      ).toBe(200);
      const resolved = await platform.call('POST', `/api/v1/cases/${networkCase}/resolve`, {
        caller: asOwner,
        body: { resolutionCode: 'EXPLAINED', note: '已解释' },
      });
      expect(resolved.status).toBe(200);

      // The billing refund waited longer than the network case, so it goes first, to whoever has room.
      expect(await ownerOf(waiting)).toBe('agent-network');
      await assignerCaughtUp();
      expect(await caseOf(later)).toMatchObject({ assignee: null });
    });

    it('gives the next waiting case to an agent given more capacity', async () => {
      const changed = await platform.call('PATCH', '/api/v1/org/agents/agent-billing', {
        caller: admin,
        body: { capacity: 4, reason: 'busy week' },
      });
      expect(changed).toMatchObject({ status: 200, body: { capacity: 4 } });
      expect(await ownerOf(later)).toBe('agent-billing');
      expect(await loadOf('agent-billing')).toBe(4);
    });

    it('gives a waiting case to an agent enrolled for the queue', async () => {
      const queued = await complain('billing/refund', 'en');
      await assignerCaughtUp();
      expect(await caseOf(queued)).toMatchObject({ assignee: null });
      const enrolled = await platform.call('POST', '/api/v1/org/agents', {
        caller: admin,
        body: {
          id: 'agent-new',
          unitId: 'front-line',
          queues: ['complaints'],
          languages: ['en'],
          capacity: 1,
        },
      });
      expect(enrolled.status).toBe(201);
      expect(await ownerOf(queued)).toBe('agent-new');
    });

    it('never gave an agent more open cases than their capacity, nor a case an owner twice', async () => {
      await assignerCaughtUp();
      const roster = await platform.call('GET', '/api/v1/org/agents?queueId=complaints', {
        caller: supervisor,
      });
      for (const agent of roster.body['items'] as { load: number; capacity: number }[])
        expect(agent.load).toBeLessThanOrEqual(agent.capacity);
      for (const caseId of opened) expect((await assignmentsOf(caseId)).length).toBeLessThanOrEqual(1);
    });
  });
});

describe('assignment across a crash of the platform (SIGKILL mid-assignment)', () => {
  const secret = 'assign-agent-killed-secret-0123-abcdef';
  const complaints = 16;
  let dataDir: string;
  let platform: ServiceProcess | undefined;

  const start = async () =>
    startServiceProcess(
      'platform',
      { DATA_DIR: dataDir, AUTH_JWT_SECRET: secret, GRPC_PORT: String(await freePort()) },
      await freePort(),
    );
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${platform!.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'collab-assign-killed-'));
  });
  afterAll(async () => {
    await platform?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('neither skips a case nor gives one an owner twice, and fills each agent exactly to capacity', async () => {
    platform = await start();
    const adminToken = await tokenFor(secret, 'admin-zhao', 'INTERNAL', ['admin']);
    for (const id of ['agent-a', 'agent-b'])
      expect(
        (
          await call('POST', '/api/v1/org/agents', adminToken, {
            id,
            unitId: 'front-line',
            queues: ['complaints'],
            skills: ['billing'],
            languages: ['zh'],
            capacity: 5,
          })
        ).status,
      ).toBe(201);
    const caseIds = await Promise.all(
      Array.from({ length: complaints }, async (_, i) => {
        const token = await tokenFor(secret, `cust-killed-${i}`, 'EXTERNAL');
        const answer = await call('POST', '/api/v1/contacts', token, {
          ...aComplaint,
          requester: { id: `cust-killed-${i}` },
          subject: `${aComplaint.subject} #${i}`,
        });
        expect(answer.status).toBe(201);
        return String(answer.body['caseId']);
      }),
    );

    // Killed while the assigner is most likely between appending an assignment and its checkpoint.
    await platform.kill();
    platform = await start();

    const staff = await tokenFor(secret, 'supervisor-1', 'INTERNAL', ['supervisor']);
    const owners = await eventually(
      async () => {
        const found = await Promise.all(
          caseIds.map(
            async (caseId) => (await call('GET', `/api/v1/cases/${caseId}`, staff)).body['assignee'],
          ),
        );
        expect(found.filter((owner) => owner !== null)).toHaveLength(10);
        return found;
      },
      { timeoutMs: 60_000 },
    );
    expect(owners.filter((owner) => owner === 'agent-a')).toHaveLength(5);
    expect(owners.filter((owner) => owner === 'agent-b')).toHaveLength(5);

    // Once a front-line case submitted now has its owner, the assigner has handled everything before it.
    expect(
      (
        await call('POST', '/api/v1/org/agents', adminToken, {
          id: 'agent-front',
          unitId: 'front-line',
          queues: ['front-line'],
          languages: ['*'],
          capacity: 1,
        })
      ).status,
    ).toBe(201);
    const marker = await call('POST', '/api/v1/contacts', await tokenFor(secret, 'cust-marker', 'EXTERNAL'), {
      ...aComplaint,
      requestType: 'CONSULT',
      requester: { id: 'cust-marker' },
    });
    await eventually(
      async () =>
        expect(
          (await call('GET', `/api/v1/cases/${String(marker.body['caseId'])}`, staff)).body['assignee'],
        ).toBe('agent-front'),
      { timeoutMs: 30_000 },
    );
    const after = await Promise.all(
      caseIds.map(async (caseId) => (await call('GET', `/api/v1/cases/${caseId}`, staff)).body['assignee']),
    );
    expect(after).toEqual(owners);
    for (const caseId of caseIds) {
      const history = await call('GET', `/api/v1/cases/${caseId}/history`, staff);
      const assignments = (history.body['items'] as { type: string }[]).filter(
        (event) => event.type === 'CaseAssignedToAgent',
      );
      expect(assignments.length).toBeLessThanOrEqual(1);
    }
  }, 240_000);
});
