import { HostedServices } from '@collab/service-kit';
import { eventually } from '@collab/testing';
import { TEST_MONDAY_MORNING } from '@collab/testing';
import { EmbeddedPlatform, MovableClock, type Caller } from '../embedded-platform';

const admin: Caller = { sub: 'admin-1', audience: 'INTERNAL', roles: ['admin'] };
const agent: Caller = { sub: 'agent-7', audience: 'INTERNAL', roles: ['agent'] };
const customer = (sub: string): Caller => ({ sub, audience: 'EXTERNAL' });

/** On the 24x7 calendar business time is wall-clock time, so a due time is plain arithmetic. */
const minutesAfter = (instant: unknown, minutes: number): string =>
  new Date(Date.parse(String(instant)) + minutes * 60_000).toISOString();

/** A valid process for suggestions, timed on 24x7; each test changes what its point is. */
const suggestions = (overrides: Record<string, unknown> = {}) => ({
  processId: 'suggestions',
  expectedVersion: 0,
  reason: 'suggestions get their own desk',
  name: 'Suggestions',
  scope: { requestTypes: ['SUGGESTION'] },
  routingRules: [{ id: 'vip-suggestions', when: { customerTier: ['VIP'] }, queue: 'vip-care' }],
  fallback: { queue: 'suggestion-box', ruleId: 'suggestions-fallback' },
  stages: [
    {
      id: 'front',
      name: 'Front line',
      unitType: 'FRONT_LINE',
      sla: { calendarId: '24x7', responseWithinBusinessMinutes: 120, resolutionWithinBusinessMinutes: 2400 },
    },
    {
      id: 'product',
      name: 'Product team',
      unitType: 'DEPARTMENT',
      sla: {
        calendarId: 'cn-standard',
        responseWithinBusinessMinutes: 480,
        resolutionWithinBusinessMinutes: 4800,
      },
    },
  ],
  escalation: { warnAtPercent: 75, levels: [{ level: 1, atPercent: 100, notify: 'UNIT_SUPERVISOR' }] },
  ...overrides,
});

const contact = (sub: string, overrides: Record<string, unknown> = {}) => ({
  channel: 'app',
  audience: 'EXTERNAL',
  requester: { id: sub },
  requestType: 'SUGGESTION',
  category: 'service-quality',
  subject: '建议增加夜间客服',
  description: '希望晚上十点以后也能联系到人工客服。',
  region: 'GD-SZ',
  ...overrides,
});

describe('process definitions (versioned), embedded platform', () => {
  const clock = new MovableClock(TEST_MONDAY_MORNING);
  let platform: EmbeddedPlatform;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, clock);
    // A process routes only to queues that exist.
    for (const id of ['vip-care', 'suggestion-box', 'product-ideas']) {
      const body = { id, unitId: 'front-line', name: id };
      expect((await platform.call('POST', '/api/v1/org/queues', { caller: admin, body })).status).toBe(201);
    }
  });
  afterAll(() => platform?.stop());

  const publish = (body: object, caller: Caller = admin) =>
    platform.call('POST', '/api/v1/processes', { caller, body });
  const workflowHead = () => platform.app.get(HostedServices).get('workflow')!.store.headPosition();
  const openCase = async (sub: string, overrides: Record<string, unknown> = {}) => {
    const answer = await platform.call('POST', '/api/v1/contacts', {
      caller: customer(sub),
      body: contact(sub, overrides),
    });
    expect(answer.status).toBe(201);
    return String(answer.body['caseId']);
  };
  const routedCase = (caseId: string) =>
    eventually(async () => {
      const found = await platform.call('GET', `/api/v1/cases/${caseId}`, { caller: agent });
      expect(found.status).toBe(200);
      expect(found.body['process']).not.toBeNull();
      return found.body;
    });

  it('shows the default process, published once as version 1, with its stages, SLAs and escalation', async () => {
    const listed = await eventually(async () => {
      const answer = await platform.call('GET', '/api/v1/processes', { caller: agent });
      expect(answer.body['items']).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ processId: 'default', status: 'ACTIVE', latestVersion: 1 }),
        ]),
      );
      return answer;
    });
    expect(listed.status).toBe(200);
    const shown = await platform.call('GET', '/api/v1/processes/default', { caller: agent });
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ processId: 'default', latestVersion: 1, versions: [{ version: 1 }] });
    const latest = shown.body['latest'] as Record<string, unknown>;
    expect((latest['stages'] as { unitType: string }[]).map((stage) => stage.unitType)).toEqual([
      'FRONT_LINE',
      'DEPARTMENT',
      'PARTNER',
    ]);
    expect(latest['escalation']).toEqual({
      warnAtPercent: 80,
      levels: [
        { level: 1, atPercent: 100, notify: 'UNIT_SUPERVISOR' },
        { level: 2, atPercent: 150, notify: 'PARENT_UNIT_SUPERVISOR' },
      ],
    });
  });

  it('keeps a case on the version it started with, while a case opened after version 2 starts on version 2', async () => {
    const first = await publish(suggestions());
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ processId: 'suggestions', latestVersion: 1, status: 'ACTIVE' });
    await eventually(async () => {
      const listed = await platform.call('GET', '/api/v1/processes', { caller: agent });
      expect(listed.body['items']).toEqual(
        expect.arrayContaining([expect.objectContaining({ processId: 'suggestions', latestVersion: 1 })]),
      );
    });

    const onVersion1 = await routedCase(await openCase('cust-v1'));
    expect(onVersion1).toMatchObject({ queue: 'suggestion-box', routingRule: 'suggestions-fallback' });
    expect(onVersion1['process']).toEqual({
      id: 'suggestions',
      version: 1,
      stage: 'front',
      responseDueAt: minutesAfter(onVersion1['openedAt'], 120),
      resolutionDueAt: minutesAfter(onVersion1['openedAt'], 2400),
    });

    const stages = suggestions().stages.map((stage) => ({
      ...stage,
      sla: { ...stage.sla, responseWithinBusinessMinutes: 30 },
    }));
    const second = await publish(
      suggestions({
        expectedVersion: 1,
        reason: 'answer within half an hour',
        stages,
        fallback: { queue: 'product-ideas', ruleId: 'ideas' },
      }),
    );
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ latestVersion: 2, versions: [{ version: 1 }, { version: 2 }] });
    await eventually(async () => {
      const listed = await platform.call('GET', '/api/v1/processes', { caller: agent });
      expect(listed.body['items']).toEqual(
        expect.arrayContaining([expect.objectContaining({ processId: 'suggestions', latestVersion: 2 })]),
      );
    });

    const onVersion2 = await routedCase(await openCase('cust-v2'));
    expect(onVersion2).toMatchObject({
      queue: 'product-ideas',
      routingRule: 'ideas',
      process: { id: 'suggestions', version: 2 },
    });
    expect(onVersion2['process']).toMatchObject({
      responseDueAt: minutesAfter(onVersion2['openedAt'], 30),
      resolutionDueAt: minutesAfter(onVersion2['openedAt'], 2400),
    });
    const unchanged = await platform.call('GET', `/api/v1/cases/${String(onVersion1['id'])}`, {
      caller: agent,
    });
    expect(unchanged.body['process']).toEqual(onVersion1['process']);
    expect(unchanged.body).toMatchObject({ queue: 'suggestion-box', routingRule: 'suggestions-fallback' });

    const version1 = await platform.call('GET', '/api/v1/processes/suggestions/versions/1', {
      caller: agent,
    });
    expect(version1.status).toBe(200);
    expect(version1.body).toMatchObject({ version: 1, fallback: { queue: 'suggestion-box' } });
  });

  it('counts due times on a calendar as workflow last learned it from intake: a revision moves only cases routed after it', async () => {
    const allDay = [{ start: '00:00', end: '24:00' }];
    const weeklyHours = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((day) => [day, allDay]));
    const day = (offset: number) => new Date(clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const define = (holidays: { date: string; name: string }[]) =>
      platform.call('PUT', '/api/v1/calendars/idea-desk', {
        caller: admin,
        body: { name: 'Idea desk', timeZone: 'Etc/UTC', weeklyHours, holidays },
      });
    expect((await define([])).status).toBe(201);
    const onIdeaDesk = suggestions().stages.map((stage) => ({
      ...stage,
      sla: { ...stage.sla, calendarId: 'idea-desk' },
    }));
    // Published once workflow knows the calendar: an unknown one is refused, naming the stage.
    await eventually(async () =>
      expect(
        (
          await publish(
            suggestions({
              processId: 'device-ideas',
              scope: { requestTypes: ['SUGGESTION'], categories: ['device'] },
              stages: onIdeaDesk,
            }),
          )
        ).status,
      ).toBe(201),
    );
    await eventually(async () => {
      const listed = await platform.call('GET', '/api/v1/processes', { caller: agent });
      expect(listed.body['items']).toEqual(
        expect.arrayContaining([expect.objectContaining({ processId: 'device-ideas' })]),
      );
    });
    const before = await routedCase(await openCase('cust-cal-1', { category: 'device' }));
    expect(before['process']).toMatchObject({
      id: 'device-ideas',
      responseDueAt: minutesAfter(before['openedAt'], 120),
    });

    // Closed today and the next two days: a case routed now is first answered two hours into the day after.
    expect(
      (await define([0, 1, 2].map((offset) => ({ date: day(offset), name: `closed ${offset}` })))).status,
    ).toBe(200);
    const afterHolidays = `${day(3)}T02:00:00.000Z`;
    await eventually(async () => {
      const after = await routedCase(await openCase(`cust-cal-${Date.now()}`, { category: 'device' }));
      expect(after['process']).toMatchObject({ id: 'device-ideas', responseDueAt: afterHolidays });
    });
    const unchanged = await platform.call('GET', `/api/v1/cases/${String(before['id'])}`, { caller: agent });
    expect(unchanged.body['process']).toEqual(before['process']);
  });

  it('refuses an edit based on a version that is no longer the latest with 409, storing nothing', async () => {
    await publish(suggestions({ processId: 'stale-edits' }));
    const head = await workflowHead();
    const stale = await publish(suggestions({ processId: 'stale-edits', expectedVersion: 0 }));
    expect(stale.status).toBe(409);
    expect(stale.contentType).toContain('application/problem+json');
    expect(await workflowHead()).toBe(head);
  });

  it.each([
    ['no routing fallback queue', { fallback: { queue: ' ', ruleId: 'x' } }, ['fallback.queue']],
    [
      'an empty rule and a duplicated rule id',
      {
        routingRules: [
          { id: 'a', when: { region: [] }, queue: 'vip-care' },
          { id: 'a', when: {}, queue: '' },
        ],
      },
      ['routingRules.0.when.region', 'routingRules.1.id', 'routingRules.1.queue'],
    ],
    [
      'no FRONT_LINE stage',
      {
        stages: [
          {
            id: 'p',
            name: 'Partner',
            unitType: 'PARTNER',
            sla: {
              calendarId: 'cn-standard',
              responseWithinBusinessMinutes: 1,
              resolutionWithinBusinessMinutes: 2,
            },
          },
        ],
      },
      ['stages'],
    ],
    [
      'repeated stage ids, fractional minutes, response after resolution, a malformed and an unknown calendar',
      {
        stages: [
          {
            id: 'front',
            name: 'Front',
            unitType: 'FRONT_LINE',
            sla: {
              calendarId: 'Not A Calendar',
              responseWithinBusinessMinutes: 1.5,
              resolutionWithinBusinessMinutes: 60,
            },
          },
          {
            id: 'front',
            name: 'Again',
            unitType: 'DEPARTMENT',
            sla: {
              calendarId: 'mars-standard',
              responseWithinBusinessMinutes: 90,
              resolutionWithinBusinessMinutes: 60,
            },
          },
        ],
      },
      [
        'stages.0.sla.calendarId',
        'stages.0.sla.responseWithinBusinessMinutes',
        'stages.1.id',
        'stages.1.sla.responseWithinBusinessMinutes',
        'stages.1.sla.calendarId',
      ],
    ],
    [
      'a warning at 100% and levels out of order',
      {
        escalation: {
          warnAtPercent: 100,
          levels: [
            { level: 2, atPercent: 120, notify: 'UNIT_SUPERVISOR' },
            { level: 2, atPercent: 110, notify: 'PARENT_UNIT_SUPERVISOR' },
          ],
        },
      },
      [
        'escalation.warnAtPercent',
        'escalation.levels.0.level',
        'escalation.levels.0.atPercent',
        'escalation.levels.1.atPercent',
      ],
    ],
    [
      'an unknown field, a bad id and a bad unit type',
      {
        colour: 'red',
        processId: 'Bad Id',
        stages: [
          {
            id: 'f',
            name: 'F',
            unitType: 'CALL_CENTRE',
            sla: {
              calendarId: 'cn-standard',
              responseWithinBusinessMinutes: 1,
              resolutionWithinBusinessMinutes: 1,
            },
          },
        ],
      },
      ['colour', 'processId', 'stages.0.unitType'],
    ],
  ])('refuses %s with 400 naming each field, storing nothing', async (_case, overrides, fields) => {
    const head = await workflowHead();
    const answer = await publish(suggestions({ processId: 'refused', ...overrides }));
    expect(answer.status).toBe(400);
    expect(answer.contentType).toContain('application/problem+json');
    const named = (answer.body['errors'] as { field: string }[]).map((error) => error.field);
    expect(named.sort()).toEqual([...fields].sort());
    expect(await workflowHead()).toBe(head);
    expect((await platform.call('GET', '/api/v1/processes/refused', { caller: agent })).status).toBe(404);
  });

  it('lets only admins publish and retire, and only staff read', async () => {
    expect((await publish(suggestions({ processId: 'by-agent' }), agent)).status).toBe(403);
    expect(
      (
        await platform.call('POST', '/api/v1/processes/default/retire', {
          caller: agent,
          body: { reason: 'no' },
        })
      ).status,
    ).toBe(403);
    expect((await platform.call('GET', '/api/v1/processes', { caller: customer('cust-x') })).status).toBe(
      403,
    );
  });

  it('retires a process with a reason: 404 for an unknown one, 409 twice or for the default', async () => {
    await publish(suggestions({ processId: 'short-lived' }));
    const retired = await platform.call('POST', '/api/v1/processes/short-lived/retire', {
      caller: admin,
      body: { reason: 'merged into suggestions' },
    });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ status: 'RETIRED', latestVersion: 1 });
    expect(
      (
        await platform.call('POST', '/api/v1/processes/short-lived/retire', {
          caller: admin,
          body: { reason: 'again' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await platform.call('POST', '/api/v1/processes/default/retire', {
          caller: admin,
          body: { reason: 'no' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await platform.call('POST', '/api/v1/processes/nowhere/retire', {
          caller: admin,
          body: { reason: 'no' },
        })
      ).status,
    ).toBe(404);
    const blank = await platform.call('POST', '/api/v1/processes/suggestions/retire', {
      caller: admin,
      body: { reason: ' ' },
    });
    expect(blank.status).toBe(400);
    expect(blank.body['errors']).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect((await publish(suggestions({ processId: 'short-lived', expectedVersion: 1 }))).status).toBe(409);
  });

  it('answers 404 for a version a process does not have, and 400 for a malformed one', async () => {
    expect(
      (await platform.call('GET', '/api/v1/processes/default/versions/9', { caller: agent })).status,
    ).toBe(404);
    const malformed = await platform.call('GET', '/api/v1/processes/default/versions/first', {
      caller: agent,
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body['errors']).toEqual([expect.objectContaining({ field: 'version' })]);
  });
});
