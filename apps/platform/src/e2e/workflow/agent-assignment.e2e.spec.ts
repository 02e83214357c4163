import { eventually } from '@collab/testing';
import { EmbeddedPlatform, type Caller } from '../embedded-platform';

const admin: Caller = { sub: 'admin-zhao', audience: 'INTERNAL', roles: ['admin'] };
const supervisor: Caller = { sub: 'front-line-supervisor', audience: 'INTERNAL', roles: ['supervisor'], unit: 'front-line' };
const agentCaller = (sub: string): Caller => ({ sub, audience: 'INTERNAL', roles: ['agent'], unit: 'front-line' });

/** Two agents of the complaints queue who differ in skills, languages and, later, room. */
const billingAgent = { id: 'agent-billing', unitId: 'front-line', queues: ['complaints'], skills: ['billing', 'complaint'], languages: ['zh'], capacity: 3 };
const networkAgent = { id: 'agent-network', unitId: 'front-line', queues: ['complaints'], skills: ['network', 'complaint'], languages: ['zh', 'en'], capacity: 3 };
/** Serves the front line only: once a case there has an owner, the assigner has passed every earlier event. */
const frontLineAgent = { id: 'agent-front', unitId: 'front-line', queues: ['front-line'], skills: [], languages: ['*'], capacity: 50 };

let contactNumber = 0;
/** Every case the spec opened, to check at the end that none was given an owner twice. */
const opened: string[] = [];

describe('assignment inside a queue: skills, then language, then least load (分派)', () => {
  let platform: EmbeddedPlatform;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start();
    for (const agent of [billingAgent, networkAgent, frontLineAgent])
      expect((await platform.call('POST', '/api/v1/org/agents', { caller: admin, body: agent })).status).toBe(201);
  });
  afterAll(() => platform?.stop());

  /** A complaint (routed to the complaints queue) from a customer of its own, so no contact joins another's case. */
  const complain = async (category: string, language: string, requestType = 'COMPLAINT'): Promise<string> => {
    contactNumber += 1;
    const requester = `cust-assign-${contactNumber}`;
    const answer = await platform.call('POST', '/api/v1/contacts', {
      caller: { sub: requester, audience: 'EXTERNAL' },
      body: { channel: 'app', audience: 'EXTERNAL', requester: { id: requester }, requestType, category, language, subject: `Contact ${contactNumber}`, description: 'Please look into it.', region: 'GD-SZ' },
    });
    expect(answer.status).toBe(201);
    opened.push(String(answer.body['caseId']));
    return String(answer.body['caseId']);
  };
  const caseOf = async (caseId: string) => (await platform.call('GET', `/api/v1/cases/${caseId}`, { caller: supervisor })).body;
  const ownerOf = (caseId: string) =>
    eventually(async () => {
      const found = await caseOf(caseId);
      expect(found['assignee']).toEqual(expect.any(String));
      return found['assignee'];
    });
  /** Returns once the assigner has handled everything submitted before this call. */
  const assignerCaughtUp = async () => expect(await ownerOf(await complain('plan/change', 'zh-Hans', 'CONSULT'))).toBe('agent-front');
  const assignmentsOf = async (caseId: string) => {
    const history = await platform.call('GET', `/api/v1/cases/${caseId}/history`, { caller: supervisor });
    expect(history.status).toBe(200);
    return (history.body['events'] as { type: string; actor: unknown; data: Record<string, unknown> }[]).filter((event) => event.type === 'CaseAssignedToAgent');
  };
  const loadOf = async (agentId: string) => (await platform.call('GET', `/api/v1/org/agents/${agentId}`, { caller: supervisor })).body['load'];

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
          reason: 'skills 2/2 (billing, complaint); speaks zh-Hans; load 0/3',
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
      expect((await platform.call('POST', `/api/v1/cases/${networkCase}/start`, { caller: asOwner })).status).toBe(200);
      const resolved = await platform.call('POST', `/api/v1/cases/${networkCase}/resolve`, { caller: asOwner, body: { resolutionCode: 'EXPLAINED', note: '已解释' } });
      expect(resolved.status).toBe(200);

      // The billing refund waited longer than the network case, so it goes first, to whoever has room.
      expect(await ownerOf(waiting)).toBe('agent-network');
      await assignerCaughtUp();
      expect(await caseOf(later)).toMatchObject({ assignee: null });
    });

    it('gives the next waiting case to an agent given more capacity', async () => {
      const changed = await platform.call('PATCH', '/api/v1/org/agents/agent-billing', { caller: admin, body: { capacity: 4, reason: 'busy week' } });
      expect(changed).toMatchObject({ status: 200, body: { capacity: 4 } });
      expect(await ownerOf(later)).toBe('agent-billing');
      expect(await loadOf('agent-billing')).toBe(4);
    });

    it('gives a waiting case to an agent enrolled for the queue', async () => {
      const queued = await complain('billing/refund', 'en');
      await assignerCaughtUp();
      expect(await caseOf(queued)).toMatchObject({ assignee: null });
      const enrolled = await platform.call('POST', '/api/v1/org/agents', { caller: admin, body: { id: 'agent-new', unitId: 'front-line', queues: ['complaints'], languages: ['en'], capacity: 1 } });
      expect(enrolled.status).toBe(201);
      expect(await ownerOf(queued)).toBe('agent-new');
    });

    it('never gave an agent more open cases than their capacity, nor a case an owner twice', async () => {
      await assignerCaughtUp();
      const roster = await platform.call('GET', '/api/v1/org/agents?queueId=complaints', { caller: supervisor });
      for (const agent of roster.body['agents'] as { load: number; capacity: number }[]) expect(agent.load).toBeLessThanOrEqual(agent.capacity);
      for (const caseId of opened) expect((await assignmentsOf(caseId)).length).toBeLessThanOrEqual(1);
    });
  });

});
