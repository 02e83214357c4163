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
    return (history.body['items'] as HistoryEvent[]).filter((event) => event.type === type);
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
      // The requester's answer is their own view; staff see where the case waits.
      expect(reopened.body).toMatchObject({ status: 'QUEUED' });
      expect(reopened.body).not.toHaveProperty('assignee');
      expect(await caseOf(first.caseId)).toMatchObject({ status: 'QUEUED', queue: 'complaints', assignee: null });
      expect((await historyOf(first.caseId, 'CaseReopened')).map((event) => event.data)).toEqual([
        expect.objectContaining({ queue: 'complaints', agentId: 'agent-one', waitsForRoom: true, reason: '又被扣了一次' }),
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

      const assigned = await assign({
        agentId: 'agent-two',
        reason: 'VIP asked for Two',
        overrideCapacity: true,
      });
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

  describe('language as a queue setting: required (wait for a speaker) or preferred', () => {
    const international = {
      processId: 'international-inquiries',
      expectedVersion: 0,
      reason: 'English inquiries from Hong Kong wait for an English speaker',
      name: 'International inquiries',
      scope: { requestTypes: ['INQUIRY'] },
      routingRules: [
        { id: 'hk-english', when: { language: ['en'], region: ['HK'] }, queue: 'intl-required' },
        { id: 'english', when: { language: ['en'] }, queue: 'intl-preferred' },
      ],
      fallback: { queue: 'front-line', ruleId: 'inquiries-fallback' },
      stages: [
        {
          id: 'front',
          name: 'Front line',
          unitType: 'FRONT_LINE',
          sla: {
            calendarId: '24x7',
            responseWithinBusinessMinutes: 60,
            resolutionWithinBusinessMinutes: 480,
          },
        },
      ],
      escalation: { warnAtPercent: 80, levels: [{ level: 1, atPercent: 100, notify: 'UNIT_SUPERVISOR' }] },
    };
    const inquire = async (region: string): Promise<string> => {
      contactNumber += 1;
      const requester = `cust-language-${contactNumber}`;
      const answer = await platform.call('POST', '/api/v1/contacts', {
        caller: customer(requester),
        body: {
          channel: 'app',
          audience: 'EXTERNAL',
          requester: { id: requester },
          requestType: 'INQUIRY',
          category: 'plan/change',
          language: 'en',
          subject: 'Plan change',
          description: 'How do I change my plan?',
          region,
        },
      });
      expect(answer.status).toBe(201);
      return String(answer.body['caseId']);
    };
    const reasonOf = async (caseId: string) =>
      (await historyOf(caseId, 'CaseAssignedToAgent')).map((event) => event.data['reason']);

    it('is set when a queue is defined (PREFERRED unless said), and refused when it is neither', async () => {
      const required = await platform.call('POST', '/api/v1/org/queues', {
        caller: admin,
        body: {
          id: 'intl-required',
          unitId: 'front-line',
          name: 'International (required)',
          languageRule: 'REQUIRED',
        },
      });
      expect(required).toMatchObject({ status: 201, body: { languageRule: 'REQUIRED' } });
      const preferred = await platform.call('POST', '/api/v1/org/queues', {
        caller: admin,
        body: { id: 'intl-preferred', unitId: 'front-line', name: 'International' },
      });
      expect(preferred).toMatchObject({ status: 201, body: { languageRule: 'PREFERRED' } });
      const refused = await platform.call('POST', '/api/v1/org/queues', {
        caller: admin,
        body: { id: 'intl-sometimes', unitId: 'front-line', name: 'Sometimes', languageRule: 'SOMETIMES' },
      });
      expect(refused.status).toBe(400);
      expect(refused.body['errors']).toEqual([expect.objectContaining({ field: 'languageRule' })]);

      const body = {
        id: 'agent-zh-only',
        unitId: 'front-line',
        queues: ['intl-required', 'intl-preferred'],
        languages: ['zh'],
        capacity: 5,
      };
      expect((await platform.call('POST', '/api/v1/org/agents', { caller: admin, body })).status).toBe(201);
      expect(
        (await platform.call('POST', '/api/v1/processes', { caller: admin, body: international })).status,
      ).toBe(201);
      await eventually(async () => {
        const listed = await platform.call('GET', '/api/v1/processes', { caller: admin });
        expect(listed.body['items']).toEqual(
          expect.arrayContaining([expect.objectContaining({ processId: 'international-inquiries' })]),
        );
      });
    });

    let waiting: string;

    it('preferred: gives an English case to the agent with room who does not speak it, and says so', async () => {
      const caseId = await inquire('GD-SZ');
      expect(await ownerOf(caseId)).toBe('agent-zh-only');
      expect(await reasonOf(caseId)).toEqual([
        expect.stringContaining('does not speak en (language preferred)'),
      ]);
    });

    it('required: lets an English case wait although a non-speaker has room', async () => {
      waiting = await inquire('HK');
      await eventually(async () => expect(await historyOf(waiting, 'CaseQueued')).toHaveLength(1));
      // Once a later case of the preferred queue has its owner, the assigner has passed the waiting one.
      expect(await ownerOf(await inquire('GD-GZ'))).toBe('agent-zh-only');
      expect(await caseOf(waiting)).toMatchObject({ queue: 'intl-required', assignee: null });
    });

    it('required: gives it to the first speaker with room, and says the language was required', async () => {
      const body = {
        id: 'agent-en',
        unitId: 'front-line',
        queues: ['intl-required'],
        languages: ['en'],
        capacity: 5,
      };
      expect((await platform.call('POST', '/api/v1/org/agents', { caller: admin, body })).status).toBe(201);
      expect(await ownerOf(waiting)).toBe('agent-en');
      expect(await reasonOf(waiting)).toEqual([expect.stringContaining('speaks en (language required)')]);
    });

    it('is changed like any queue setting, and shown in the queue list', async () => {
      const changed = await platform.call('PATCH', '/api/v1/org/queues/intl-preferred', {
        caller: admin,
        body: { languageRule: 'REQUIRED', reason: 'English speakers only from now on' },
      });
      expect(changed).toMatchObject({ status: 200, body: { languageRule: 'REQUIRED' } });
      await eventually(async () => {
        const listed = await platform.call('GET', '/api/v1/org/queues?unitId=front-line', {
          caller: supervisor,
        });
        expect(listed.body['items']).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ id: 'intl-preferred', languageRule: 'REQUIRED' }),
            expect.objectContaining({ id: 'complaints', languageRule: 'PREFERRED' }),
          ]),
        );
      });
    });
  });

  describe('an agent works the queues of their own unit, another unit’s only by explicit grant (跨部门)', () => {
    const billingAgent = {
      id: 'agent-qian',
      unitId: 'billing',
      queues: ['billing'],
      languages: ['zh'],
      capacity: 0,
    };
    const enrol = (body: Record<string, unknown>) =>
      platform.call('POST', '/api/v1/org/agents', { caller: admin, body });
    const grant = (body: Record<string, unknown>) =>
      platform.call('POST', '/api/v1/org/agents/agent-qian/cross-unit-memberships', { caller: admin, body });

    it('refuses to enrol a billing agent into front line’s complaints queue, naming it, and stores nothing', async () => {
      const refused = await enrol({ ...billingAgent, queues: ['billing', 'complaints'] });
      expect(refused.status).toBe(400);
      expect(refused.contentType).toContain('application/problem+json');
      expect(refused.body['errors']).toEqual([
        {
          field: 'queues[1]',
          message: expect.stringContaining('queue complaints belongs to unit front-line, not billing'),
        },
      ]);
      expect(
        (await platform.call('GET', '/api/v1/org/agents/agent-qian', { caller: supervisor })).status,
      ).toBe(404);
    });

    it('refuses the same through a change of their queues', async () => {
      expect((await enrol(billingAgent)).status).toBe(201);
      const refused = await platform.call('PATCH', '/api/v1/org/agents/agent-qian', {
        caller: admin,
        body: { queues: ['billing', 'complaints'] },
      });
      expect(refused.status).toBe(400);
      expect(refused.body['errors']).toEqual([expect.objectContaining({ field: 'queues[1]' })]);
    });

    it('lets them work it once an administrator grants a cross-unit membership, with a reason', async () => {
      const granted = await grant({ queueId: 'complaints', reason: 'month-end billing complaints' });
      expect(granted).toMatchObject({
        status: 201,
        body: { unitId: 'billing', queues: ['billing', 'complaints'], crossUnitQueues: ['complaints'] },
      });
      await eventually(async () => {
        const roster = await platform.call('GET', '/api/v1/org/agents?queueId=complaints', {
          caller: supervisor,
        });
        expect(roster.body['items']).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ id: 'agent-qian', crossUnitQueues: ['complaints'] }),
          ]),
        );
      });
    });

    it('refuses a grant twice, a grant for their own unit’s queue (409), and one for an unknown queue (400)', async () => {
      expect((await grant({ queueId: 'complaints', reason: 'again' })).status).toBe(409);
      const own = await grant({ queueId: 'billing', reason: 'their own desk' });
      expect(own.status).toBe(409);
      expect(own.body['detail']).toContain('need no grant');
      const unknown = await grant({ queueId: 'no-such-queue', reason: 'typo' });
      expect(unknown.status).toBe(400);
      expect(unknown.body['errors']).toEqual([expect.objectContaining({ field: 'queueId' })]);
    });
  });
});
