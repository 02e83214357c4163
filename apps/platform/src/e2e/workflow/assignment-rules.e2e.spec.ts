import { eventually } from '@collab/testing';
import { EmbeddedPlatform, MovableClock, type Caller } from '../embedded-platform';
import { admin, customer, frontLineAgent, supervisor } from './lifecycle-steps';

/** Sunday 6 December 2026, 23:02 in Shanghai. */
const SUNDAY_NIGHT = '2026-12-06T15:02:00.000Z';

interface HistoryEvent {
  readonly type: string;
  readonly actor: unknown;
  readonly data: Record<string, unknown>;
}

describe('assignment rules: capacity is exceeded only by a supervisor’s explicit override (embedded platform)', () => {
  const clock = new MovableClock(SUNDAY_NIGHT);
  let platform: EmbeddedPlatform;
  let contactNumber = 0;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, clock);
    for (const id of ['agent-one', 'agent-two']) {
      const body = { id, unitId: 'front-line', queues: ['complaints'], languages: ['zh'], capacity: 1 };
      expect((await platform.call('POST', '/api/v1/org/agents', { caller: admin, body })).status).toBe(201);
    }
  });
  afterAll(() => platform?.stop());

  const complain = async (): Promise<{ caseId: string; requester: string }> => {
    contactNumber += 1;
    const requester = `cust-capacity-${contactNumber}`;
    const answer = await platform.call('POST', '/api/v1/contacts', {
      caller: customer(requester),
      body: {
        channel: 'app',
        audience: 'EXTERNAL',
        requester: { id: requester },
        requestType: 'COMPLAINT',
        category: 'billing/wrong-charge',
        language: 'zh-Hans',
        subject: `投诉 ${contactNumber}`,
        description: '账单多扣了钱。',
        region: 'GD-SZ',
      },
    });
    expect(answer.status).toBe(201);
    return { caseId: String(answer.body['caseId']), requester };
  };
  const caseOf = async (caseId: string) =>
    (await platform.call('GET', `/api/v1/cases/${caseId}`, { caller: supervisor })).body;
  const ownerOf = (caseId: string) =>
    eventually(async () => {
      const owner = (await caseOf(caseId))['assignee'];
      expect(owner).toEqual(expect.any(String));
      return owner;
    });
  const loadOf = async (agentId: string) =>
    (await platform.call('GET', `/api/v1/org/agents/${agentId}`, { caller: supervisor })).body['load'];
  const historyOf = async (caseId: string, type: string): Promise<HistoryEvent[]> => {
    const history = await platform.call('GET', `/api/v1/cases/${caseId}/history`, { caller: supervisor });
    return (history.body['events'] as HistoryEvent[]).filter((event) => event.type === type);
  };
  const resolveAs = async (agentId: string, caseId: string) => {
    const caller = frontLineAgent(agentId);
    expect((await platform.call('POST', `/api/v1/cases/${caseId}/start`, { caller })).status).toBe(200);
    const resolved = await platform.call('POST', `/api/v1/cases/${caseId}/resolve`, {
      caller,
      body: { resolutionCode: 'EXPLAINED', note: '已解释' },
    });
    expect(resolved.status).toBe(200);
  };

  let first: { caseId: string; requester: string };
  let second: { caseId: string; requester: string };
  let third: { caseId: string; requester: string };

  describe('a reopened case waits for room', () => {
    it('fills both agents to their capacity of one', async () => {
      first = await complain();
      expect(await ownerOf(first.caseId)).toBe('agent-one');
      second = await complain();
      expect(await ownerOf(second.caseId)).toBe('agent-two');
    });

    it('waits in its queue when its last owner is full again, instead of making them 2 of 1', async () => {
      await resolveAs('agent-one', first.caseId);
      third = await complain();
      expect(await ownerOf(third.caseId)).toBe('agent-one');

      clock.advanceMinutes(30);
      const reopened = await platform.call('POST', `/api/v1/cases/${first.caseId}/reopen`, {
        caller: customer(first.requester),
        body: { reason: '又被扣了一次' },
      });
      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({ status: 'ASSIGNED', queue: 'complaints', assignee: null });
      expect((await historyOf(first.caseId, 'CaseReopened')).map((event) => event.data)).toEqual([
        expect.objectContaining({ queue: 'complaints', agentId: null, reason: '又被扣了一次' }),
      ]);
      expect(await loadOf('agent-one')).toBe(1);
    });

    it('is given to the first agent with room, within capacity', async () => {
      await resolveAs('agent-one', third.caseId);
      expect(await ownerOf(first.caseId)).toBe('agent-one');
      expect(await loadOf('agent-one')).toBe(1);
      expect(await historyOf(first.caseId, 'CaseAssignedToAgent')).toHaveLength(2);
    });
  });

  describe('a supervisor’s reassignment beyond capacity', () => {
    it('is refused with 409 without an explicit override, naming the load', async () => {
      const refused = await platform.call('POST', `/api/v1/cases/${second.caseId}/reassign`, {
        caller: supervisor,
        body: { toAgentId: 'agent-one', reason: 'Two is going home' },
      });
      expect(refused.status).toBe(409);
      expect(refused.contentType).toContain('application/problem+json');
      expect(refused.body['detail']).toContain('agent-one already holds 1 of 1 cases');
      expect((await caseOf(second.caseId))['assignee']).toBe('agent-two');
    });

    it('is not the owner’s to make: an agent handing a case on cannot override', async () => {
      const refused = await platform.call('POST', `/api/v1/cases/${second.caseId}/reassign`, {
        caller: frontLineAgent('agent-two'),
        body: { toAgentId: 'agent-one', reason: 'going home', overrideCapacity: true },
      });
      expect(refused.status).toBe(403);
    });

    it('goes through on the supervisor’s explicit override, recorded as such on the event', async () => {
      const reassigned = await platform.call('POST', `/api/v1/cases/${second.caseId}/reassign`, {
        caller: supervisor,
        body: { toAgentId: 'agent-one', reason: 'Two is going home', overrideCapacity: true },
      });
      expect(reassigned.status).toBe(200);
      expect(reassigned.body['assignee']).toBe('agent-one');
      expect(await historyOf(second.caseId, 'CaseReassigned')).toEqual([
        expect.objectContaining({
          data: expect.objectContaining({
            fromAgentId: 'agent-two',
            toAgentId: 'agent-one',
            overCapacity: { load: 1, capacity: 1 },
            actor: { id: supervisor.sub, kind: 'user' },
          }),
        }),
      ]);
      expect(await loadOf('agent-one')).toBe(2);
    });
  });

  describe('a supervisor’s assignment of a waiting case beyond capacity', () => {
    let waiting: string;

    it('is refused without the override, and recorded with it', async () => {
      // agent-two has room again (one case away): the next complaint is theirs, the one after waits.
      expect(await ownerOf((await complain()).caseId)).toBe('agent-two');
      waiting = (await complain()).caseId;
      await eventually(async () => expect(await historyOf(waiting, 'CaseQueued')).toHaveLength(1));
      expect((await caseOf(waiting))['assignee']).toBeNull();

      const assign = (body: Record<string, unknown>, caller: Caller = supervisor) =>
        platform.call('POST', `/api/v1/cases/${waiting}/assign`, { caller, body });
      const refused = await assign({ agentId: 'agent-two', reason: 'VIP asked for Two' });
      expect(refused.status).toBe(409);
      expect(refused.body['detail']).toContain('1 of 1');

      const assigned = await assign({ agentId: 'agent-two', reason: 'VIP asked for Two', overrideCapacity: true });
      expect(assigned.status).toBe(200);
      expect((await historyOf(waiting, 'CaseAssignedToAgent')).map((event) => event.data)).toEqual([
        expect.objectContaining({ agentId: 'agent-two', overCapacity: { load: 1, capacity: 1 } }),
      ]);
    });

    it('records no override on the assigner’s own assignments', async () => {
      const assignments = await historyOf(first.caseId, 'CaseAssignedToAgent');
      for (const assignment of assignments) expect(assignment.data['overCapacity']).toBeNull();
    });
  });
});
