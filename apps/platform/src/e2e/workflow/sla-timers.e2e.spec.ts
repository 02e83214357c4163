import { eventually } from '@collab/testing';
import { TEST_MONDAY_MORNING } from '@collab/testing';
import { EmbeddedPlatform, MovableClock } from '../embedded-platform';
import { LifecycleSteps, customer, departmentStaff, frontLineAgent, supervisor } from './lifecycle-steps';

/*
 * SLA timers through the public surface: the clocks a case shows at GET /api/v1/cases/{id}/sla,
 * the facts its SLA stream records (read back through GET /api/v1/cases/{id}/history), a movable
 * clock to reach due times without waiting, and a restart on the same data folder. The default
 * process puts a complaint's front line on cn-standard: respond within 60 business minutes,
 * warned at 80 %, escalated to the front line's supervisor at the breach and to the group's at 150 %.
 */

const POLL_MS = 50;
const QUIET_MINUTES = 60;
const ENV = { WORKFLOW_SLA_POLL_MS: String(POLL_MS), WORKFLOW_AUTO_CLOSE_MINUTES: String(QUIET_MINUTES) };
const ann = 'agent-ann';

interface Clock {
  readonly clockKey: string;
  readonly status: string;
  readonly startedAt: string;
  readonly dueAt: string;
  readonly warnAt: string | null;
  readonly escalations: readonly { readonly level: number; readonly at: string }[];
  readonly [field: string]: unknown;
}

interface Fact {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly actor: Record<string, unknown>;
}

/** A little after an instant the clock shows: where the movable clock goes to make it due. */
const justAfter = (instant: string | null): Date => new Date(Date.parse(instant ?? '') + 1_000);
const levelAt = (clock: Clock, level: number): string => clock.escalations.find((escalation) => escalation.level === level)!.at;
/** Long enough for the dispatcher to look many times: whatever it would fire twice, it would have by then. */
const severalPolls = () => new Promise((resolve) => setTimeout(resolve, POLL_MS * 12));

const clockOf = async (platform: EmbeddedPlatform, caseId: string, clockKey: string): Promise<Clock> => {
  const answer = await platform.call('GET', `/api/v1/cases/${caseId}/sla`, { caller: supervisor });
  expect(answer.status).toBe(200);
  const clock = (answer.body['clocks'] as Clock[]).find((shown) => shown.clockKey === clockKey);
  if (!clock) throw new Error(`case ${caseId} shows no ${clockKey} clock yet`);
  return clock;
};

const shows = (platform: EmbeddedPlatform, caseId: string, clockKey: string, expected: Record<string, unknown>): Promise<Clock> =>
  eventually(async () => {
    const clock = await clockOf(platform, caseId, clockKey);
    expect(clock).toMatchObject(expected);
    return clock;
  });

/** What the case's SLA stream recorded about one clock, oldest first. */
const slaFacts = async (steps: LifecycleSteps, caseId: string, clockKey: string): Promise<Fact[]> =>
  ((await steps.history(caseId)) as unknown as (Fact & { stream: string })[]).filter(
    (entry) => entry.stream === `sla-${caseId}` && entry.data['clockKey'] === clockKey,
  );

const namesOf = (facts: readonly Fact[]): string[] =>
  facts.map((fact) => (fact.type === 'SlaEscalated' ? `SlaEscalated ${String(fact.data['level'])}` : fact.type));

describe('SLA timers (durable, on business calendars), embedded platform', () => {
  const clock = new MovableClock(TEST_MONDAY_MORNING);
  let platform: EmbeddedPlatform;
  let steps: LifecycleSteps;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start(ENV, clock);
    steps = new LifecycleSteps(platform);
    await steps.enrolAgent(ann, 'complaints');
  });
  afterAll(() => platform?.stop());

  it('a response clock warns, breaches, escalates to level 1 and then level 2 — each exactly once', async () => {
    const caseId = await steps.openComplaint('cust-sla-late');
    const response = await shows(platform, caseId, 'case:response', {
      status: 'RUNNING',
      calendarId: 'cn-standard',
      targetMinutes: 60,
      warnedAt: null,
      breachedAt: null,
      escalationLevel: 0,
      escalations: [
        { level: 1, atPercent: 100, notify: 'UNIT_SUPERVISOR', reached: false },
        { level: 2, atPercent: 150, notify: 'PARENT_UNIT_SUPERVISOR', reached: false },
      ],
    });
    expect(response.secondsToDue).toBeGreaterThan(0);
    expect(Date.parse(response.warnAt!)).toBeLessThan(Date.parse(response.dueAt));

    clock.advanceTo(justAfter(response.warnAt));
    await shows(platform, caseId, 'case:response', { status: 'WARNED', warnedAt: expect.any(String), breachedAt: null, escalationLevel: 0 });
    clock.advanceTo(justAfter(response.dueAt));
    const breached = await shows(platform, caseId, 'case:response', { status: 'BREACHED', escalationLevel: 1 });
    expect(breached.secondsToDue).toBeLessThan(0);
    clock.advanceTo(justAfter(levelAt(response, 2)));
    await shows(platform, caseId, 'case:response', { status: 'BREACHED', escalationLevel: 2 });

    await severalPolls();
    const facts = await slaFacts(steps, caseId, 'case:response');
    expect(namesOf(facts)).toEqual(['SlaClockStarted', 'SlaWarning', 'SlaBreached', 'SlaEscalated 1', 'SlaEscalated 2']);
    expect(facts[3]).toMatchObject({
      actor: { id: 'workflow.sla-timers', kind: 'system' },
      data: { notify: 'UNIT_SUPERVISOR', clockHolder: { kind: 'UNIT', id: 'front-line' }, supervisorUnit: 'front-line', supervisorId: 'front-line-supervisor', dueAt: response.dueAt },
    });
    expect(facts[4]).toMatchObject({ data: { notify: 'PARENT_UNIT_SUPERVISOR', clockHolder: { kind: 'UNIT', id: 'front-line' }, supervisorUnit: 'group', supervisorId: 'group-supervisor' } });
    // The resolution clock's warning lies further ahead in business time: nothing yet.
    expect(namesOf(await slaFacts(steps, caseId, 'case:resolution'))).toEqual(['SlaClockStarted']);
  });

  it('a clock stopped in time never fires, while a neighbour left alone does', async () => {
    const answered = await steps.caseAt('in-progress', 'cust-sla-answered', ann);
    const ignored = await steps.openComplaint('cust-sla-ignored');
    await shows(platform, answered, 'case:response', { status: 'MET', met: true, stopReason: 'WORK_STARTED', secondsToDue: null });
    const ignoredResponse = await shows(platform, ignored, 'case:response', { status: 'RUNNING' });

    clock.advanceTo(justAfter(levelAt(ignoredResponse, 2)));
    await shows(platform, ignored, 'case:response', { escalationLevel: 2 });
    await severalPolls();

    expect(namesOf(await slaFacts(steps, answered, 'case:response'))).toEqual(['SlaClockStarted', 'SlaClockStopped']);
    expect(namesOf(await slaFacts(steps, ignored, 'case:response'))).toEqual(['SlaClockStarted', 'SlaWarning', 'SlaBreached', 'SlaEscalated 1', 'SlaEscalated 2']);
  });

  it('a collaboration task’s clocks run on its own SLA: accepted in time, then escalated to the target’s supervisors when left undone', async () => {
    const caseId = await steps.caseAt('collaborating', 'cust-sla-task', ann);
    const accept = await eventually(async () => {
      const answer = await platform.call('GET', `/api/v1/cases/${caseId}/sla`, { caller: supervisor });
      const clock = (answer.body['clocks'] as Clock[]).find((shown) => /^task:.+:accept$/.test(shown.clockKey));
      if (!clock) throw new Error('no task clock yet');
      return clock;
    });
    expect(accept).toMatchObject({ status: 'RUNNING', clockHolder: { kind: 'UNIT', id: 'billing' }, taskId: expect.any(String) });
    const taskId = String(accept['taskId']);
    const clerk = departmentStaff('billing-clerk', 'billing');
    await eventually(async () => expect((await platform.call('POST', `/api/v1/tasks/${taskId}/accept`, { caller: clerk })).status).toBe(200));
    await shows(platform, caseId, `task:${taskId}:accept`, { status: 'MET', stopReason: 'TASK_ACCEPTED' });

    const complete = await shows(platform, caseId, `task:${taskId}:complete`, { status: 'RUNNING', clockHolder: { kind: 'UNIT', id: 'billing' } });
    clock.advanceTo(justAfter(levelAt(complete, 2)));
    await shows(platform, caseId, `task:${taskId}:complete`, { status: 'BREACHED', escalationLevel: 2 });
    await severalPolls();
    const facts = await slaFacts(steps, caseId, `task:${taskId}:complete`);
    expect(namesOf(facts)).toEqual(['SlaClockStarted', 'SlaWarning', 'SlaBreached', 'SlaEscalated 1', 'SlaEscalated 2']);
    expect(facts.slice(3).map((fact) => fact.data)).toMatchObject([
      { taskId, clockHolder: { kind: 'UNIT', id: 'billing' }, supervisorUnit: 'billing', supervisorId: 'billing-supervisor' },
      { taskId, clockHolder: { kind: 'UNIT', id: 'billing' }, supervisorUnit: 'group', supervisorId: 'group-supervisor' },
    ]);
    expect(namesOf(await slaFacts(steps, caseId, `task:${taskId}:accept`))).toEqual(['SlaClockStarted', 'SlaClockStopped']);
  });

  it('closes a resolved case after the quiet period, exactly once, and not before', async () => {
    const caseId = await steps.caseAt('resolved', 'cust-sla-quiet', ann);
    const quiet = await shows(platform, caseId, 'case:auto-close', { status: 'RUNNING', calendarId: null, targetMinutes: QUIET_MINUTES, escalations: [] });
    expect(Date.parse(quiet.dueAt) - Date.parse(quiet.startedAt)).toBe(QUIET_MINUTES * 60_000);
    await shows(platform, caseId, 'case:resolution', { status: 'MET', stopReason: 'RESOLVED' });

    clock.advanceTo(new Date(Date.parse(quiet.dueAt) - 5 * 60_000));
    await severalPolls();
    expect((await steps.read(caseId)).body).toMatchObject({ status: 'RESOLVED' });

    clock.advanceTo(justAfter(quiet.dueAt));
    await eventually(async () => expect((await steps.read(caseId)).body).toMatchObject({ status: 'CLOSED' }));
    await severalPolls();
    const closings = (await steps.history(caseId)).filter((entry) => entry['type'] === 'CaseClosed');
    expect(closings).toEqual([
      expect.objectContaining({ actor: { id: 'workflow.sla-timers', kind: 'system' }, data: expect.objectContaining({ closure: 'QUIET_PERIOD_ELAPSED' }) }),
    ]);
    await shows(platform, caseId, 'case:auto-close', { status: 'MISSED', stopReason: 'CLOSED' });
  });

  it('leaves a case the requester confirmed or reopened during the quiet period as the requester left it', async () => {
    const confirmed = await steps.caseAt('closed', 'cust-sla-confirms', ann);
    const reopened = await steps.caseAt('resolved', 'cust-sla-reopens', ann);
    expect((await steps.act(reopened, 'reopen', customer('cust-sla-reopens'), { reason: 'charged again' })).status).toBe(200);
    const confirmedQuiet = await shows(platform, confirmed, 'case:auto-close', { status: 'MET', stopReason: 'CLOSED' });
    const reopenedQuiet = await shows(platform, reopened, 'case:auto-close', { status: 'MET', stopReason: 'REOPENED' });
    const resolutionAgain = await shows(platform, reopened, 'case:resolution', { status: 'RUNNING', targetMinutes: 480 });
    expect(Date.parse(resolutionAgain.startedAt)).toBeGreaterThan(Date.parse(reopenedQuiet.startedAt));

    clock.advanceTo(justAfter(reopenedQuiet.dueAt));
    // A neighbour resolved now shows the dispatcher at work past the other two's quiet periods.
    const neighbour = await steps.caseAt('resolved', 'cust-sla-neighbour', ann);
    const neighbourQuiet = await shows(platform, neighbour, 'case:auto-close', { status: 'RUNNING' });
    clock.advanceTo(justAfter(neighbourQuiet.dueAt));
    await eventually(async () => expect((await steps.read(neighbour)).body).toMatchObject({ status: 'CLOSED' }));
    await severalPolls();

    expect((await steps.read(reopened)).body).toMatchObject({ status: 'ASSIGNED' });
    const confirmedClosings = (await steps.history(confirmed)).filter((entry) => entry['type'] === 'CaseClosed');
    expect(confirmedClosings).toEqual([expect.objectContaining({ data: expect.objectContaining({ closure: 'CONFIRMED_BY_REQUESTER' }) })]);
    expect(namesOf(await slaFacts(steps, confirmed, 'case:auto-close'))).toEqual(['SlaClockStarted', 'SlaClockStopped']);
    expect(confirmedQuiet.secondsToDue).toBeNull();
  });

  it('shows the clocks to internal staff only, and answers 404 for an unknown case', async () => {
    const caseId = await steps.openComplaint('cust-sla-visibility');
    await shows(platform, caseId, 'case:response', { status: 'RUNNING' });
    expect((await platform.call('GET', `/api/v1/cases/${caseId}/sla`, { caller: frontLineAgent(ann) })).status).toBe(200);
    expect((await platform.call('GET', `/api/v1/cases/${caseId}/sla`, { caller: customer('cust-sla-visibility') })).status).toBe(403);
    expect((await platform.call('GET', `/api/v1/cases/${caseId}/sla`, { caller: { sub: 'p-1', audience: 'PARTNER', roles: ['agent'], partner: 'reseller-a' } })).status).toBe(403);
    expect((await platform.call('GET', `/api/v1/cases/${caseId}/sla`)).status).toBe(401);
    const unknown = await platform.call('GET', '/api/v1/cases/00000000-0000-4000-8000-000000000000/sla', { caller: supervisor });
    expect(unknown).toMatchObject({ status: 404, contentType: expect.stringContaining('application/problem+json') });
    expect((await platform.call('GET', '/api/v1/cases/not-a-uuid/sla', { caller: supervisor })).status).toBe(400);
  });
});

describe('SLA timers across a service restart', () => {
  it('fire each exactly once after the platform was down past their due times, and never again after another restart', async () => {
    const clock = new MovableClock(TEST_MONDAY_MORNING);
    let platform = await EmbeddedPlatform.start(ENV, clock);
    try {
      let steps = new LifecycleSteps(platform);
      const caseId = await steps.openComplaint('cust-sla-restart');
      const response = await shows(platform, caseId, 'case:response', { status: 'RUNNING', escalationLevel: 0 });
      expect(namesOf(await slaFacts(steps, caseId, 'case:response'))).toEqual(['SlaClockStarted']);

      // Down while the warning, the breach and both escalations fall due.
      platform = await platform.restart(() => clock.advanceTo(justAfter(levelAt(response, 2))));
      steps = new LifecycleSteps(platform);
      await shows(platform, caseId, 'case:response', { status: 'BREACHED', warnedAt: expect.any(String), escalationLevel: 2 });
      await severalPolls();
      const fired = ['SlaClockStarted', 'SlaWarning', 'SlaBreached', 'SlaEscalated 1', 'SlaEscalated 2'];
      expect(namesOf(await slaFacts(steps, caseId, 'case:response'))).toEqual(fired);

      // Down again, past the resolution clock's warning: that one fires, the response clock's timers stay fired.
      const resolution = await clockOf(platform, caseId, 'case:resolution');
      platform = await platform.restart(() => clock.advanceTo(justAfter(resolution.warnAt)));
      steps = new LifecycleSteps(platform);
      await shows(platform, caseId, 'case:resolution', { status: 'WARNED' });
      await severalPolls();
      expect(namesOf(await slaFacts(steps, caseId, 'case:response'))).toEqual(fired);
      expect(namesOf(await slaFacts(steps, caseId, 'case:resolution'))).toEqual(['SlaClockStarted', 'SlaWarning']);
    } finally {
      await platform.stop();
    }
  });
});
