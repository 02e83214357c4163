import { randomUUID } from 'node:crypto';
import { TEST_MONDAY_MORNING } from '@collab/testing';
import { EmbeddedPlatform, MovableClock, type Caller } from '../embedded-platform';
import {
  LifecycleSteps,
  admin,
  customer,
  frontLineAgent,
  partnerStaff,
  supervisor,
  type CaseStage,
} from './lifecycle-steps';

const ann = 'agent-ann';
const bob = 'agent-bob';
const tess = 'agent-tess';

describe('the case lifecycle over REST (统一流程), embedded platform', () => {
  const clock = new MovableClock(TEST_MONDAY_MORNING);
  let platform: EmbeddedPlatform;
  let steps: LifecycleSteps;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, clock);
    steps = new LifecycleSteps(platform);
    // Capacity 0: the assignment process manager gives them nothing, so cases wait in their queue
    // and every test drives assignment itself: a supervisor beyond capacity, by explicit override.
    await steps.enrolAgent(ann, 'complaints', 0);
    await steps.enrolAgent(bob, 'complaints', 0);
    await steps.enrolAgent(tess, 'technical-support', 0);
  });
  afterAll(() => platform?.stop());

  describe('every command, on its happy path', () => {
    it('assign → reassign → start → resolve → feedback → confirm → reopen → start → cancel, each answering the case as it now is', async () => {
      const caseId = await steps.openComplaint('cust-happy');
      const owner = frontLineAgent(bob);

      expect(
        (
          await steps.act(caseId, 'assign', supervisor, {
            agentId: ann,
            reason: 'knows billing',
            overrideCapacity: true,
          })
        ).body,
      ).toMatchObject({ status: 'ASSIGNED', assignee: ann });
      expect(
        (
          await steps.act(caseId, 'reassign', supervisor, {
            toAgentId: bob,
            reason: 'ann is on leave',
            overrideCapacity: true,
          })
        ).body,
      ).toMatchObject({ status: 'ASSIGNED', assignee: bob });
      expect((await steps.act(caseId, 'start', owner)).body).toMatchObject({
        status: 'IN_PROGRESS',
        assignee: bob,
      });
      const resolved = await steps.act(caseId, 'resolve', owner, {
        resolutionCode: 'REFUNDED',
        knowledgeArticleIds: ['kb-refunds'],
        note: 'refunded 30 yuan',
      });
      expect(resolved).toMatchObject({
        status: 200,
        body: { status: 'RESOLVED', resolvedAt: expect.any(String) },
      });
      expect(
        (await steps.act(caseId, 'feedback', customer('cust-happy'), { csat: 5, comment: '很满意' })).status,
      ).toBe(200);
      expect((await steps.act(caseId, 'confirm', customer('cust-happy'))).body).toMatchObject({
        status: 'CLOSED',
        closedAt: expect.any(String),
      });
      const reopened = (await steps.act(caseId, 'reopen', customer('cust-happy'), { reason: 'charged again this month' })).body;
      // The requester's answer is their view of the case: who works it inside is not theirs to see.
      expect(reopened).toMatchObject({ status: 'QUEUED', closedAt: null, resolution: null });
      expect(reopened).not.toHaveProperty('assignee');
      // Bob has no room (capacity 0): the case waits in its queue rather than exceed it.
      expect((await steps.read(caseId)).body).toMatchObject({ status: 'QUEUED', assignee: null });
      expect(
        (
          await steps.act(caseId, 'assign', supervisor, {
            agentId: bob,
            reason: 'knows it',
            overrideCapacity: true,
          })
        ).body,
      ).toMatchObject({ status: 'ASSIGNED', assignee: bob });
      expect((await steps.act(caseId, 'start', owner)).body).toMatchObject({ status: 'IN_PROGRESS' });
      expect(
        (await steps.act(caseId, 'cancel', supervisor, { reason: 'the customer withdrew the complaint' }))
          .body,
      ).toMatchObject({ status: 'CANCELLED' });

      const recorded = (await steps.history(caseId))
        .filter((entry) => entry['stream'] === `case-${caseId}`)
        .map((entry) => entry['type']);
      expect(recorded).toEqual([
        'CaseRegistered',
        'CaseQueued',
        'CaseProcessStarted',
        'CaseAssignedToAgent',
        'CaseReassigned',
        'CaseWorkStarted',
        'CaseResolved',
        'FeedbackRecorded',
        'CaseClosed',
        'CaseReopened',
        'CaseAssignedToAgent',
        'CaseWorkStarted',
        'CaseCancelled',
      ]);
    });

    it('transfers a case to another queue, where an agent of that queue takes it', async () => {
      const caseId = await steps.caseAt('assigned', 'cust-transfer', ann);
      const moved = await steps.act(caseId, 'transfer', frontLineAgent(ann), {
        queue: 'technical-support',
        region: 'GD-GZ',
        reason: 'a line fault, not a billing error',
      });
      expect(moved).toMatchObject({
        status: 200,
        body: { status: 'QUEUED', queue: 'technical-support', assignee: null },
      });
      expect(
        (
          await steps.act(caseId, 'assign', supervisor, {
            agentId: tess,
            reason: 'on duty',
            overrideCapacity: true,
          })
        ).body,
      ).toMatchObject({ assignee: tess, queue: 'technical-support' });
      const notOfTheQueue = await steps.act(caseId, 'assign', supervisor, { agentId: ann, reason: 'x' });
      expect(notOfTheQueue.body['errors']).toEqual([
        expect.objectContaining({ field: 'agentId', message: expect.stringContaining('technical-support') }),
      ]);
      expect((await steps.act(caseId, 'assign', supervisor, { agentId: tess, reason: 'again' })).status).toBe(
        409,
      );
    });

    it('raises a ping-pong to the supervisors of both queues when a case bounces between them too often', async () => {
      const caseId = await steps.openComplaint('cust-bounce');
      for (const queue of ['technical-support', 'complaints', 'technical-support', 'complaints'])
        expect((await steps.act(caseId, 'transfer', supervisor, { queue, reason: 'not ours' })).status).toBe(
          200,
        );
      const raised = (await steps.history(caseId)).filter((entry) => entry['type'] === 'PingPongDetected');
      expect(raised).toEqual([
        expect.objectContaining({
          data: expect.objectContaining({
            // A transfer is between queues.
            sides: expect.arrayContaining([
              { party: { kind: 'QUEUE', id: 'complaints' }, supervisorId: 'front-line-supervisor' },
              { party: { kind: 'QUEUE', id: 'technical-support' }, supervisorId: 'front-line-supervisor' },
            ]),
            bounces: 3,
          }),
        }),
      ]);
    });

    it("records actor, time and reason in each event, and the request's correlation id in its metadata", async () => {
      const caseId = await steps.openComplaint('cust-audit');
      const correlationId = randomUUID();
      await steps.actWith(caseId, 'assign', supervisor, {
        body: { agentId: ann, reason: 'knows billing', overrideCapacity: true },
        headers: { 'x-correlation-id': correlationId },
      });
      const assigned = (await steps.history(caseId)).find(
        (entry) => entry['type'] === 'CaseAssignedToAgent',
      )!;
      expect(assigned).toMatchObject({
        correlationId,
        actor: { id: supervisor.sub, kind: 'user' },
        data: {
          agentId: ann,
          reason: 'knows billing',
          actor: { id: supervisor.sub, kind: 'user' },
          assignedAt: expect.any(String),
        },
      });
    });
  });

  describe('a command the state does not allow is refused with 409, naming the state, and stores nothing', () => {
    const owner = () => frontLineAgent(ann);
    const boss = () => supervisor;
    const requester = (sub: string) => customer(sub);
    const table: [string, CaseStage, (requester: string) => Caller, Record<string, unknown> | undefined][] = [
      ['assign', 'in-progress', boss, { agentId: bob, reason: 'x' }],
      ['reassign', 'queued', boss, { toAgentId: bob, reason: 'x' }],
      ['transfer', 'resolved', boss, { queue: 'technical-support', reason: 'x' }],
      ['transfer', 'collaborating', boss, { queue: 'technical-support', reason: 'x' }],
      ['start', 'queued', boss, undefined],
      ['collaborations', 'assigned', owner, { to: { kind: 'UNIT', id: 'billing' }, reason: 'x' }],
      ['resolve', 'assigned', owner, { resolutionCode: 'FIXED' }],
      ['resolve', 'collaborating', owner, { resolutionCode: 'FIXED' }],
      ['confirm', 'in-progress', requester, undefined],
      ['feedback', 'in-progress', requester, { csat: 4 }],
      ['reopen', 'in-progress', requester, { reason: 'x' }],
      ['cancel', 'closed', boss, { reason: 'x' }],
    ];

    it.each(table)('%s on a case %s', async (command, stage, callerFor, body) => {
      const requesterId = `cust-409-${command}-${stage}`;
      const caseId = await steps.caseAt(stage, requesterId, ann);
      const before = await steps.history(caseId);
      const refused = await steps.act(caseId, command, callerFor(requesterId), body);
      expect(refused.status).toBe(409);
      expect(refused.contentType).toContain('application/problem+json');
      expect(refused.body).toMatchObject({
        type: expect.stringContaining('illegal-transition'),
        detail: expect.stringContaining(`while the case is ${stage}`),
      });
      expect(await steps.history(caseId)).toHaveLength(before.length);
    });

    it('refuses a second rating of the same resolution', async () => {
      const caseId = await steps.caseAt('resolved', 'cust-rate', ann);
      expect((await steps.act(caseId, 'feedback', customer('cust-rate'), { csat: 3 })).status).toBe(200);
      expect((await steps.act(caseId, 'feedback', customer('cust-rate'), { csat: 1 })).status).toBe(409);
    });
  });

  describe('bad input is 400, naming each field, with nothing stored', () => {
    const requesterCommands = new Set(['feedback', 'reopen']);
    const table: [string, unknown, string[]][] = [
      ['assign', {}, ['agentId', 'reason']],
      ['assign', { agentId: 'nobody-here', reason: 'x' }, ['agentId']],
      ['reassign', { toAgentId: '', reason: ' ', colour: 'red' }, ['toAgentId', 'reason', 'colour']],
      ['transfer', { queue: 'no-such-queue', reason: 'x' }, ['queue']],
      ['transfer', { queue: 42, region: '' }, ['queue', 'region', 'reason']],
      ['collaborations', { to: { kind: 'TEAM', id: '' } }, ['to.kind', 'to.id', 'reason']],
      [
        'collaborations',
        { to: { kind: 'UNIT', id: 'billing' }, reason: 'x', parentTaskId: 'task-1' },
        ['parentTaskId'],
      ],
      ['resolve', { knowledgeArticleIds: 'kb-1' }, ['resolutionCode', 'knowledgeArticleIds']],
      ['feedback', { csat: 7, comment: 3 }, ['csat', 'comment']],
      ['reopen', {}, ['reason']],
      ['cancel', { reason: '' }, ['reason']],
    ];

    let caseId: string;
    beforeAll(async () => {
      caseId = await steps.caseAt('queued', 'cust-400', ann);
    });

    it.each(table)('%s %j', async (command, body, fields) => {
      const before = await steps.history(caseId);
      const refused = await steps.act(
        caseId,
        command,
        requesterCommands.has(command) ? customer('cust-400') : supervisor,
        body,
      );
      expect(refused.status).toBe(400);
      const named = (refused.body['errors'] as { field: string }[]).map((error) => error.field);
      expect(named).toEqual(expect.arrayContaining(fields));
      expect(await steps.history(caseId)).toHaveLength(before.length);
    });

    it('names a malformed case id', async () => {
      const refused = await steps.act('not-a-uuid', 'cancel', supervisor, { reason: 'x' });
      expect(refused.status).toBe(400);
      expect(refused.body['errors']).toEqual([expect.objectContaining({ field: 'id' })]);
    });
  });

  describe('who may act on a case', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = await steps.caseAt('resolved', 'cust-own', ann);
    });

    it('answers 404 for a case that does not exist', async () =>
      expect((await steps.act(randomUUID(), 'cancel', supervisor, { reason: 'x' })).status).toBe(404));

    const outsiders: Record<string, Caller> = {
      'another customer': customer('cust-stranger'),
      'a partner': partnerStaff('reseller-1', 'reseller-a'),
    };
    it.each([
      ['another customer', 'confirm', undefined],
      ['another customer', 'feedback', { csat: 1 }],
      ['another customer', 'reopen', { reason: 'x' }],
      ['a partner', 'reopen', { reason: 'x' }],
    ])('answers 404 to %s asking to %s: the case is invisible to them', async (who, command, body) => {
      const caller = outsiders[who]!;
      const before = await steps.history(caseId);
      expect((await steps.act(caseId, command, caller, body)).status).toBe(404);
      expect(await steps.history(caseId)).toHaveLength(before.length);
    });

    it.each([
      ['an agent who does not own the case cancels it', frontLineAgent(bob), 'cancel', { reason: 'x' }],
      ['the requester cancels their case', customer('cust-own'), 'cancel', { reason: 'x' }],
      ["staff give the requester's rating", supervisor, 'feedback', { csat: 5 }],
      ['an agent assigns cases', frontLineAgent(ann), 'assign', { agentId: bob, reason: 'x' }],
    ])('answers 403 when %s', async (_what, caller, command, body) => {
      const refused = await steps.act(caseId, command, caller, body);
      expect(refused.status).toBe(403);
      expect(refused.body['type']).toEqual(expect.stringContaining('forbidden'));
    });

    it('lets only the owner start work', async () => {
      const assigned = await steps.caseAt('assigned', 'cust-start', ann);
      expect((await steps.act(assigned, 'start', frontLineAgent(bob))).status).toBe(403);
      expect((await steps.act(assigned, 'start', admin)).status).toBe(403);
      expect((await steps.act(assigned, 'start', frontLineAgent(ann))).status).toBe(200);
    });

    it('lets the requester close, rate and reopen their own case', async () => {
      const own = await steps.caseAt('resolved', 'cust-mine', ann);
      expect(
        (await steps.act(own, 'feedback', customer('cust-mine'), { csat: 2, comment: '太慢了' })).status,
      ).toBe(200);
      expect((await steps.act(own, 'confirm', customer('cust-mine'))).body).toMatchObject({
        status: 'CLOSED',
      });
      expect(
        (await steps.act(own, 'reopen', customer('cust-mine'), { reason: 'still wrong' })).body,
      ).toMatchObject({ status: 'QUEUED' });
      // Ann's capacity is 0: the case waits in its queue rather than exceed it.
      expect((await steps.read(own)).body).toMatchObject({ status: 'QUEUED', queue: 'complaints', assignee: null });
    });

    it('refuses a reopening after the window has passed', async () => {
      const closed = await steps.caseAt('closed', 'cust-late', ann);
      clock.advanceMinutes(8 * 24 * 60);
      const refused = await steps.act(closed, 'reopen', customer('cust-late'), { reason: 'forgot to say' });
      expect(refused.status).toBe(409);
      expect(String(refused.body['detail'])).toContain('reopen window');
    });
  });
});
