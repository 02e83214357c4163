import { randomUUID } from 'node:crypto';
import { defaultCalendars } from '@collab/business-calendar';
import { deterministicEventId, InMemoryEventStore } from '@collab/event-store';
import {
  DEFAULT_CASE_POLICY,
  DEFAULT_PROCESS_DEFINITION,
  slaStreamId,
  workflowCaseStreamId,
  type SlaCommand,
  type SlaTimerKind,
  type WorkflowCaseCommand,
} from '@collab/workflow-domain';
import type { SystemParameterBook } from '../../admin/system-parameters/system-parameter-book';
import { CaseCommandHandler } from '../../cases/case-command-handler';
import type { OrgLookup, OrgParty } from '../../workflow.ports';
import { SlaStreams } from '../sla-streams';
import { EscalationContacts } from './escalation-contacts';
import { SlaTimerFiring } from './sla-timer.firing';
import type { ClaimedTimer } from './sla-timer.table';

/*
 * Firing one timer against a real (in-memory) event store: what the dispatcher relies on for
 * exactly once — a repeated firing records nothing more, a stopped clock's timer records nothing.
 */

const OPENED = '2026-11-20T09:00:00.000Z';
const minutesAfterOpening = (minutes: number) => new Date(Date.parse(OPENED) + minutes * 60_000);
const around = defaultCalendars().find((calendar) => calendar.id === '24x7')!;
const system = { correlationId: 'c-1', actor: { id: 'test', kind: 'system' as const } };

const party = (id: string, supervisorId: string | null, parentId: string | null): OrgParty => ({
  id, kind: 'UNIT', unitType: 'FRONT_LINE', name: id, region: 'CN', calendarId: '24x7', supervisorId, parentId,
});

/** The org directory as far as escalations ask it: the complaints queue belongs to the front line and billing is a unit, both under the group; reseller-a is a partner. */
const org: OrgLookup = {
  party: (id) =>
    Promise.resolve(
      new Map([
        ['front-line', party('front-line', 'sup-front', 'group')],
        ['billing', party('billing', 'sup-billing', 'group')],
        ['group', party('group', 'sup-group', null)],
        ['reseller-a', { ...party('reseller-a', 'sup-reseller', null), kind: 'PARTNER' as const, unitType: 'PARTNER' as const }],
      ]).get(id),
    ),
  unitOfQueue: (queueId) => Promise.resolve(queueId === 'complaints' ? party('front-line', 'sup-front', 'group') : undefined),
  queuesOfUnit: () => Promise.resolve([]),
  below: () => Promise.resolve([]),
  openQueues: () => Promise.resolve(new Set()),
  agentsOfQueue: () => Promise.resolve([]),
  supervisorsOf: () => Promise.resolve({}),
};

const setUp = () => {
  const store = new InMemoryEventStore();
  const streams = new SlaStreams(store);
  // The timer brings its own quiet period; the rest of the policy is the default.
  const parameters = { casePolicy: () => Promise.resolve(DEFAULT_CASE_POLICY) } as Pick<SystemParameterBook, 'casePolicy'> as SystemParameterBook;
  const cases = new CaseCommandHandler(store, parameters);
  const firing = new SlaTimerFiring(cases, streams, new EscalationContacts(org, streams));
  const caseId = randomUUID();
  const onSla = (command: SlaCommand, now = OPENED) =>
    streams.decide(caseId, command, new Date(now), { metadata: system, eventIdFor: () => randomUUID() });
  const onCase = (command: WorkflowCaseCommand, now: Date) =>
    cases.handle(command, { now }, { metadata: system });
  const timer = (kind: SlaTimerKind, level = 0, clockKey: ClaimedTimer['clockKey'] = 'case:response'): ClaimedTimer => ({
    id: randomUUID(), caseId, clockKey, startedAt: OPENED, kind, level, dueAt: OPENED, correlationId: 'c-1', scheduledBy: randomUUID(),
  });
  const slaTypes = async () => (await store.readStream(slaStreamId(caseId))).map((event) => event.type);
  return { store, firing, caseId, onSla, onCase, timer, slaTypes };
};

type World = ReturnType<typeof setUp>;

const caseClocksStarted = (world: World) =>
  world.onSla({
    type: 'StartCaseClocks',
    caseId: world.caseId,
    openedAt: OPENED,
    sla: { calendarId: '24x7', responseWithinBusinessMinutes: 60, resolutionWithinBusinessMinutes: 480 },
    escalation: DEFAULT_PROCESS_DEFINITION.escalation,
    responseDueAt: minutesAfterOpening(60).toISOString(),
    resolutionDueAt: minutesAfterOpening(480).toISOString(),
    calendar: around,
  });

/** Registered, routed to complaints, assigned, worked and resolved at `resolvedAt`. */
const resolvedCase = async (world: World, resolvedAt: Date, quietMinutes = 60) => {
  const summary = {
    caseId: world.caseId, channel: 'app', audience: 'EXTERNAL', requestType: 'COMPLAINT', category: 'billing', region: 'GD-SZ',
    priority: 'NORMAL', language: 'zh-Hans', subject: '账单', description: '多扣了 30 元', requesterId: 'cust-1', openedAt: OPENED,
  };
  const agent = { id: 'agent-ann', kind: 'user' as const };
  await world.onCase({ type: 'RegisterAndRouteCase', summary }, new Date(OPENED));
  await world.onCase({ type: 'AssignCase', caseId: world.caseId, queue: 'complaints', agentId: agent.id, agentLoad: { load: 0, capacity: 5 }, overrideCapacity: false, actor: agent, reason: 'on duty' }, new Date(OPENED));
  await world.onCase({ type: 'StartWork', caseId: world.caseId, actor: agent }, new Date(OPENED));
  await world.onCase({ type: 'ResolveCase', caseId: world.caseId, resolutionCode: 'REFUNDED', knowledgeArticleIds: [], note: '', actor: agent }, resolvedAt);
  await world.onSla({ type: 'StartAutoCloseClock', caseId: world.caseId, resolvedAt: resolvedAt.toISOString(), quietMinutes }, resolvedAt.toISOString());
};

describe('firing an SLA timer', () => {
  it('records a due warning with an id derived from the timer, and nothing more when fired again after a crash before it was marked', async () => {
    const world = setUp();
    await caseClocksStarted(world);
    const warning = world.timer('WARN');
    expect(await world.firing.fire(warning, minutesAfterOpening(49))).toBe('fired');
    expect(await world.firing.fire(warning, minutesAfterOpening(50))).toBe('fired');
    expect(await world.slaTypes()).toEqual(['SlaClockStarted', 'SlaClockStarted', 'SlaWarning']);
    const [recorded] = (await world.store.readStream(slaStreamId(world.caseId))).slice(-1);
    expect(recorded).toMatchObject({ id: deterministicEventId(warning.id, 'fire/0'), metadata: { correlationId: 'c-1', causationId: warning.scheduledBy, actor: { id: 'workflow.sla-timers' } } });
  });

  it('goes back to pending when the clock it is fired by has not reached the instant yet', async () => {
    const world = setUp();
    await caseClocksStarted(world);
    expect(await world.firing.fire(world.timer('BREACH'), minutesAfterOpening(59))).toBe('pending');
    expect(await world.slaTypes()).toEqual(['SlaClockStarted', 'SlaClockStarted']);
  });

  it('is cancelled, recording nothing, once the clock stopped', async () => {
    const world = setUp();
    await caseClocksStarted(world);
    await world.onSla({ type: 'StopSlaClocks', caseId: world.caseId, clockKeys: ['case:response'], reason: 'WORK_STARTED', at: minutesAfterOpening(10).toISOString() });
    expect(await world.firing.fire(world.timer('BREACH'), minutesAfterOpening(61))).toBe('cancelled');
    expect(await world.slaTypes()).toEqual(['SlaClockStarted', 'SlaClockStarted', 'SlaClockStopped']);
  });

  it('escalates to the supervisor of the unit owning the case’s queue, then of the unit above it', async () => {
    const world = setUp();
    await resolvedCase(world, minutesAfterOpening(500));
    await caseClocksStarted(world);
    expect(await world.firing.fire(world.timer('ESCALATE', 1), minutesAfterOpening(60))).toBe('fired');
    expect(await world.firing.fire(world.timer('ESCALATE', 2), minutesAfterOpening(90))).toBe('fired');
    const escalations = (await world.store.readStream(slaStreamId(world.caseId))).filter((event) => event.type === 'SlaEscalated');
    expect(escalations.map((event) => event.data)).toMatchObject([
      { level: 1, notify: 'UNIT_SUPERVISOR', clockHolder: { kind: 'UNIT', id: 'front-line' }, supervisorUnit: 'front-line', supervisorId: 'sup-front' },
      { level: 2, notify: 'PARENT_UNIT_SUPERVISOR', clockHolder: { kind: 'UNIT', id: 'front-line' }, supervisorUnit: 'group', supervisorId: 'sup-group' },
    ]);
  });

  const taskClocksHeldBy = (world: World, clockHolder: { readonly kind: 'UNIT' | 'PARTNER'; readonly id: string }) =>
    world.onSla({
      type: 'StartTaskClocks',
      caseId: world.caseId,
      taskId: 'task-1',
      clockHolder,
      openedAt: OPENED,
      sla: { calendarId: '24x7', acceptWithinBusinessMinutes: 60, completeWithinBusinessMinutes: 240 },
      acceptDueAt: minutesAfterOpening(60).toISOString(),
      completeDueAt: minutesAfterOpening(240).toISOString(),
      calendar: around,
    });

  const taskEscalations = async (world: World) => {
    expect(await world.firing.fire(world.timer('ESCALATE', 1, 'task:task-1:accept'), minutesAfterOpening(60))).toBe('fired');
    expect(await world.firing.fire(world.timer('ESCALATE', 2, 'task:task-1:accept'), minutesAfterOpening(90))).toBe('fired');
    return (await world.store.readStream(slaStreamId(world.caseId))).filter((event) => event.type === 'SlaEscalated').map((event) => event.data);
  };

  it('escalates a task held by a unit to that unit’s supervisor, then to the one above, naming the unit as a UNIT', async () => {
    const world = setUp();
    await caseClocksStarted(world);
    await taskClocksHeldBy(world, { kind: 'UNIT', id: 'billing' });
    expect(await taskEscalations(world)).toEqual([
      expect.objectContaining({ level: 1, clockHolder: { kind: 'UNIT', id: 'billing' }, supervisorUnit: 'billing', supervisorId: 'sup-billing' }),
      expect.objectContaining({ level: 2, clockHolder: { kind: 'UNIT', id: 'billing' }, supervisorUnit: 'group', supervisorId: 'sup-group' }),
    ]);
  });

  it('escalates a task held by a partner to the partner’s supervisor, naming the partner as a PARTNER; a partner has no unit above it', async () => {
    const world = setUp();
    await caseClocksStarted(world);
    await taskClocksHeldBy(world, { kind: 'PARTNER', id: 'reseller-a' });
    expect(await taskEscalations(world)).toEqual([
      expect.objectContaining({ level: 1, clockHolder: { kind: 'PARTNER', id: 'reseller-a' }, supervisorUnit: 'reseller-a', supervisorId: 'sup-reseller' }),
      expect.objectContaining({ level: 2, clockHolder: { kind: 'PARTNER', id: 'reseller-a' }, supervisorUnit: null, supervisorId: null }),
    ]);
  });

  it('finds a partner’s supervisor by id for a clock stored before version 2, which names the partner as a UNIT', async () => {
    const world = setUp();
    await caseClocksStarted(world);
    await taskClocksHeldBy(world, { kind: 'UNIT', id: 'reseller-a' });
    expect(await taskEscalations(world)).toMatchObject([{ supervisorUnit: 'reseller-a', supervisorId: 'sup-reseller' }, { supervisorUnit: null }]);
  });

  it('closes a resolved case once its quiet period is over, and only once', async () => {
    const world = setUp();
    const resolvedAt = minutesAfterOpening(30);
    await resolvedCase(world, resolvedAt);
    const closing = { ...world.timer('AUTO_CLOSE', 0, 'case:auto-close'), startedAt: resolvedAt.toISOString() };
    expect(await world.firing.fire(closing, minutesAfterOpening(91))).toBe('fired');
    expect(await world.firing.fire(closing, minutesAfterOpening(92))).toBe('cancelled');
    const caseEvents = await world.store.readStream(workflowCaseStreamId(world.caseId));
    expect(caseEvents.filter((event) => event.type === 'CaseClosed').map((event) => event.data)).toMatchObject([
      { closure: 'QUIET_PERIOD_ELAPSED', actor: { id: 'workflow.sla-timers', kind: 'system' } },
    ]);
  });

  it('counts the quiet period its clock started with, not the case decider’s default of three days', async () => {
    const world = setUp();
    const resolvedAt = minutesAfterOpening(30);
    await resolvedCase(world, resolvedAt, 15);
    const closing = { ...world.timer('AUTO_CLOSE', 0, 'case:auto-close'), startedAt: resolvedAt.toISOString() };
    expect(await world.firing.fire(closing, minutesAfterOpening(44))).toBe('pending');
    expect(await world.firing.fire(closing, minutesAfterOpening(46))).toBe('fired');
  });

  it('is cancelled when the requester reopened the case during the quiet period', async () => {
    const world = setUp();
    const resolvedAt = minutesAfterOpening(30);
    await resolvedCase(world, resolvedAt);
    await world.onCase({ type: 'ReopenCase', caseId: world.caseId, ownerLoad: { load: 0, capacity: 5 }, actor: { id: 'cust-1', kind: 'user' }, reason: 'charged again' }, minutesAfterOpening(40));
    await world.onSla({ type: 'StopSlaClocks', caseId: world.caseId, clockKeys: ['case:auto-close'], reason: 'REOPENED', at: minutesAfterOpening(40).toISOString() });
    const closing = { ...world.timer('AUTO_CLOSE', 0, 'case:auto-close'), startedAt: resolvedAt.toISOString() };
    expect(await world.firing.fire(closing, minutesAfterOpening(91))).toBe('cancelled');
    expect((await world.store.readStream(workflowCaseStreamId(world.caseId))).map((event) => event.type)).not.toContain('CaseClosed');
  });
});
