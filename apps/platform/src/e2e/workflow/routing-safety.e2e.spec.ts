import { HostedServices } from '@collab/service-kit';
import { eventually } from '@collab/testing';
import { EmbeddedPlatform, MovableClock, type Caller } from '../embedded-platform';

const admin: Caller = { sub: 'admin-qa', audience: 'INTERNAL', roles: ['admin'] };
const supervisor: Caller = { sub: 'front-line-supervisor', audience: 'INTERNAL', roles: ['supervisor'] };
const customer = (sub: string): Caller => ({ sub, audience: 'EXTERNAL' });

/** Sunday 6 December 2026, 23:02 in Shanghai: the night the operator's QA team tried it. */
const SUNDAY_NIGHT = '2026-12-06T15:02:00.000Z';

/** A process for inquiries; each test names its own id, rules and fallback. */
const inquiries = (overrides: Record<string, unknown>) => ({
  expectedVersion: 0,
  reason: 'routing that cannot lose a case',
  name: 'Inquiries',
  scope: { requestTypes: ['INQUIRY'] },
  routingRules: [],
  stages: [
    {
      id: 'front',
      name: 'Front line',
      unitType: 'FRONT_LINE',
      sla: {
        calendarId: 'cn-standard',
        responseWithinBusinessMinutes: 60,
        resolutionWithinBusinessMinutes: 480,
      },
    },
  ],
  escalation: { warnAtPercent: 80, levels: [{ level: 1, atPercent: 100, notify: 'UNIT_SUPERVISOR' }] },
  ...overrides,
});

const anInquiry = (sub: string, region: string) => ({
  channel: 'app',
  audience: 'EXTERNAL',
  requester: { id: sub },
  requestType: 'INQUIRY',
  category: 'plan/change',
  subject: '套餐咨询',
  description: '想了解一下套餐变更。',
  language: 'zh-Hans',
  region,
});

describe('routing that cannot lose a case, on a Sunday night in Shanghai (embedded platform)', () => {
  const clock = new MovableClock(SUNDAY_NIGHT);
  let platform: EmbeddedPlatform;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, clock);
  });
  afterAll(() => platform?.stop());

  const workflowHead = () => platform.app.get(HostedServices).get('workflow')!.store.headPosition();
  const publish = (body: object) => platform.call('POST', '/api/v1/processes', { caller: admin, body });
  const defineQueue = async (id: string) =>
    expect(
      (
        await platform.call('POST', '/api/v1/org/queues', {
          caller: admin,
          body: { id, unitId: 'front-line', name: id },
        })
      ).status,
    ).toBe(201);

  describe('a rule or fallback naming a queue that does not exist', () => {
    it('is refused with 400 naming each such queue at its field, and nothing is stored', async () => {
      await defineQueue('bj-desk');
      const head = await workflowHead();
      const refused = await publish(
        inquiries({
          processId: 'lost-cases',
          routingRules: [
            { id: 'beijing', when: { region: ['BJ'] }, queue: 'bj-desk' },
            { id: 'typo', when: { region: ['SH'] }, queue: 'no-such-queue' },
          ],
          fallback: { queue: 'nowhere', ruleId: 'inquiries-fallback' },
        }),
      );
      expect(refused.status).toBe(400);
      expect(refused.contentType).toContain('application/problem+json');
      expect(refused.body['errors']).toEqual([
        { field: 'routingRules.1.queue', message: expect.stringContaining('no-such-queue') },
        { field: 'fallback.queue', message: expect.stringContaining('nowhere') },
      ]);
      expect(await workflowHead()).toBe(head);
      expect((await platform.call('GET', '/api/v1/processes/lost-cases', { caller: admin })).status).toBe(
        404,
      );
    });

    it('is published once the queues exist', async () => {
      await defineQueue('sh-desk');
      await defineQueue('inquiry-triage');
      const published = await publish(
        inquiries({
          processId: 'lost-cases',
          routingRules: [{ id: 'shanghai', when: { region: ['SH'] }, queue: 'sh-desk' }],
          fallback: { queue: 'inquiry-triage', ruleId: 'inquiries-fallback' },
        }),
      );
      expect(published.status).toBe(201);
    });
  });

  describe('region codes, normalised once at intake', () => {
    it('refuses a region that is no region code, naming the field', async () => {
      const refused = await platform.call('POST', '/api/v1/contacts', {
        caller: customer('cust-region-bad'),
        body: anInquiry('cust-region-bad', 'B J'),
      });
      expect(refused.status).toBe(400);
      expect(refused.body['errors']).toEqual([expect.objectContaining({ field: 'region' })]);
    });

    it('keeps a rule’s region codes in the normal form, however the administrator typed them', async () => {
      const published = await publish(
        inquiries({
          processId: 'inquiries-by-region',
          scope: { requestTypes: ['INQUIRY'], categories: ['plan'] },
          routingRules: [{ id: 'beijing', when: { region: [' bj'] }, queue: 'bj-desk' }],
          fallback: { queue: 'inquiry-triage', ruleId: 'by-region-fallback' },
        }),
      );
      expect(published.status).toBe(201);
      expect(published.body['latest']).toMatchObject({ routingRules: [{ when: { region: ['BJ'] } }] });
      await eventually(async () => {
        const listed = await platform.call('GET', '/api/v1/processes', { caller: admin });
        expect(listed.body['items']).toEqual(
          expect.arrayContaining([expect.objectContaining({ processId: 'inquiries-by-region' })]),
        );
      });
    });

    it.each([
      ['bj', 'lower case'],
      [' Bj ', 'mixed case with spaces'],
      ['ｂｊ', 'full-width letters'],
    ])('gives a contact from %p (%s) a BJ case number, region BJ, routed by the BJ rule', async (region) => {
      const sub = `cust-region-${Buffer.from(region).toString('hex')}`;
      const answer = await platform.call('POST', '/api/v1/contacts', {
        caller: customer(sub),
        body: anInquiry(sub, region),
      });
      expect(answer.status).toBe(201);
      expect(answer.body['caseNumber']).toMatch(/^BJ-20261206-\d{6}$/);
      const routed = await eventually(async () => {
        const found = await platform.call('GET', `/api/v1/cases/${String(answer.body['caseId'])}`, {
          caller: supervisor,
        });
        expect(found.body['routingRule']).toEqual(expect.any(String));
        return found.body;
      });
      expect(routed).toMatchObject({
        region: 'BJ',
        queue: 'bj-desk',
        routingRule: 'beijing',
        process: { id: 'inquiries-by-region' },
      });
    });
  });

  describe('cases waiting in queues that no active agent works', () => {
    const unattended = (caller: Caller) =>
      platform.call('GET', '/api/v1/workbench/unattended-queues', { caller });
    const queuesSeenBy = async (caller: Caller) =>
      (unattended(caller).then((answer) => answer.body['items']) as Promise<{ queue: string }[]>).then(
        (queues) => queues.map((queue) => queue.queue),
      );
    const frontLineSupervisor: Caller = { ...supervisor, unit: 'front-line' };
    const billingSupervisor: Caller = { ...supervisor, sub: 'billing-supervisor', unit: 'billing' };
    let waitingCase: string;

    const submitFromShanghai = async (sub: string) => {
      const answer = await platform.call('POST', '/api/v1/contacts', {
        caller: customer(sub),
        body: anInquiry(sub, 'SH'),
      });
      expect(answer.status).toBe(201);
      return String(answer.body['caseId']);
    };

    it('shows supervisors and administrators each such queue, how many wait and which cases', async () => {
      waitingCase = await submitFromShanghai('cust-unattended-1');
      const answer = await eventually(async () => {
        const found = await unattended(admin);
        expect(found.body['items']).toEqual(
          expect.arrayContaining([expect.objectContaining({ queue: 'inquiry-triage' })]),
        );
        return found;
      });
      expect(answer.status).toBe(200);
      expect(answer.body['items']).toEqual([
        expect.objectContaining({ queue: 'bj-desk', unitId: 'front-line', waiting: 3 }),
        {
          queue: 'inquiry-triage',
          unitId: 'front-line',
          waiting: 1,
          waitingSince: expect.stringMatching(/^2026-12-06T15:0\d:/),
          caseIds: [waitingCase],
        },
      ]);
      expect(answer.body['waitingCases']).toBe(4);
      expect(await queuesSeenBy(frontLineSupervisor)).toEqual(['bj-desk', 'inquiry-triage']);
      expect(await queuesSeenBy(billingSupervisor)).toEqual([]);
      const asAgent = await unattended({ sub: 'agent-x', audience: 'INTERNAL', roles: ['agent'] });
      expect(asAgent.status).toBe(403);
    });

    it('drops the queue once an active agent works it (the case gets its owner)', async () => {
      const enrolled = await platform.call('POST', '/api/v1/org/agents', {
        caller: admin,
        body: {
          id: 'agent-night',
          unitId: 'front-line',
          queues: ['inquiry-triage'],
          languages: ['zh'],
          capacity: 5,
        },
      });
      expect(enrolled.status).toBe(201);
      await eventually(async () => {
        const found = await platform.call('GET', `/api/v1/cases/${waitingCase}`, { caller: supervisor });
        expect(found.body['assignee']).toBe('agent-night');
      });
      expect(await queuesSeenBy(admin)).toEqual(['bj-desk']);
    });

    it('shows it again when its only agent is no longer active and a case waits there', async () => {
      const deactivated = await platform.call('POST', '/api/v1/org/agents/agent-night/deactivate', {
        caller: admin,
        body: { reason: 'off shift' },
      });
      expect(deactivated.status).toBe(200);
      clock.advanceMinutes(1);
      const next = await submitFromShanghai('cust-unattended-2');
      await eventually(async () =>
        expect((await unattended(admin)).body['items']).toEqual([
          expect.objectContaining({ queue: 'bj-desk' }),
          expect.objectContaining({ queue: 'inquiry-triage', waiting: 1, caseIds: [next] }),
        ]),
      );
    });
  });

  describe('retiring a queue that a published process routes to', () => {
    const retire = (queueId: string) =>
      platform.call('POST', `/api/v1/org/queues/${queueId}/retire`, {
        caller: admin,
        body: { reason: 'merged into another desk' },
      });

    it('is refused with 409 naming the process, its version and the rule that routes there', async () => {
      const head = await workflowHead();
      const refused = await retire('bj-desk');
      expect(refused.status).toBe(409);
      expect(refused.contentType).toContain('application/problem+json');
      expect(refused.body['detail']).toContain(
        'process inquiries-by-region v1 (rule beijing) still routes cases to queue bj-desk',
      );
      const seeded = await retire('front-line');
      expect(seeded.status).toBe(409);
      expect(seeded.body['detail']).toContain('process default v1 (fallback)');
      expect(await workflowHead()).toBe(head);
    });

    it('is allowed once the latest version routes elsewhere; the queue then takes no new rule or agent', async () => {
      const republished = await publish(
        inquiries({
          processId: 'lost-cases',
          expectedVersion: 1,
          routingRules: [],
          fallback: { queue: 'inquiry-triage', ruleId: 'inquiries-fallback' },
        }),
      );
      expect(republished.status).toBe(201);
      const retired = await eventually(async () => {
        const answer = await retire('sh-desk');
        expect(answer.status).toBe(200);
        return answer;
      });
      expect(retired.body).toMatchObject({ id: 'sh-desk', status: 'RETIRED' });
      expect((await retire('sh-desk')).status).toBe(409);

      const routedThere = await publish(
        inquiries({
          processId: 'back-to-shanghai',
          routingRules: [{ id: 'shanghai', when: { region: ['SH'] }, queue: 'sh-desk' }],
          fallback: { queue: 'inquiry-triage', ruleId: 'back-fallback' },
        }),
      );
      expect(routedThere.status).toBe(400);
      expect(routedThere.body['errors']).toEqual([
        { field: 'routingRules.0.queue', message: expect.stringContaining('sh-desk') },
      ]);
      const enrolled = await platform.call('POST', '/api/v1/org/agents', {
        caller: admin,
        body: { id: 'agent-sh', unitId: 'front-line', queues: ['sh-desk'], languages: ['zh'], capacity: 1 },
      });
      expect(enrolled.status).toBe(400);
      await eventually(async () => {
        const listed = await platform.call('GET', '/api/v1/org/queues?unitId=front-line', { caller: admin });
        expect(listed.body['items']).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ id: 'sh-desk', status: 'RETIRED' }),
            expect.objectContaining({ id: 'bj-desk', status: 'OPEN' }),
          ]),
        );
      });
    });
  });
});
