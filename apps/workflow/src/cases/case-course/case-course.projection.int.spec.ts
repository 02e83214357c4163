import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { validateCalendar, type BusinessCalendar } from '@collab/business-calendar';
import type { JsonObject, RecordedEvent } from '@collab/event-store';
import { freshDatabase, type FreshDatabase } from '@collab/testing';
import {
  caseOutcomeFor,
  collaborationTaskDecider,
  collaborationTaskStreamId,
  taskCreationFor,
  workflowCaseDecider,
  workflowCaseStreamId,
  type ActorRef,
  type CollaborationTaskCommand,
  type CollaborationTaskEvent,
  type OrgEvent,
  type WorkflowCaseCommand,
  type WorkflowCaseEvent,
} from '@collab/workflow-domain';
import { knownCalendar } from '../../calendars/known-calendars';
import { Pool } from 'pg';
import { migrateSchema } from '@collab/service-kit';
import { WORKFLOW_MIGRATIONS } from '../../migrations/workflow.migrations';
import type { BusinessCalendars, OrgLookup, OrgParty } from '../../workflow.ports';
import type { CaseRecords } from '../case-history/case-streams';
import { CaseView, shownStatusOf } from '../case-view/case-view.entity';
import { CaseViewProjection } from '../case-view/case-view.projection';
import { openTasksOf } from '../get-case/case-chain';
import { CaseCourses } from '../get-case/case-courses';
import type { CaseCourse } from '../get-case/case-details';
import { LegClocks } from '../get-case/leg-clocks';
import { CaseWorld, type Step } from './case-course.fixtures';
import { ProjectedCourses } from './projected-courses';

/*
 * The course of a case (its legs and its chain) as GET /api/v1/cases/{id} reads it from the case
 * view equals what the stream fold it replaces computes (CaseCourses: the case's streams, the org
 * directory and the calendars), for generated histories: after every event of the log, and at the
 * end when the log is applied again in batches, each batch twice.
 */

const weekdays = (start: string, end: string) => Object.fromEntries([1, 2, 3, 4, 5].map((day) => [day, [{ start, end }]]));
/** Stored calendars, as intake's events left them: Shanghai 9–17 with Saturday on-call for urgent cases, and Helsinki 8–16. */
const STORED: readonly BusinessCalendar[] = [
  validateCalendar({
    id: 'nine-to-five',
    name: 'Shanghai desk 09:00–17:00',
    timeZone: 'Asia/Shanghai',
    weeklyHours: weekdays('09:00', '17:00'),
    onCall: { appliesTo: ['URGENT'], rota: [{ weekday: 6, start: '10:00', end: '12:00' }] },
  }),
  validateCalendar({ id: 'fi-8-16', name: 'Helsinki 08:00–16:00', timeZone: 'Europe/Helsinki', weeklyHours: weekdays('08:00', '16:00') }),
];

/**
 * The directory both sides know: front line on a default calendar (not stored), billing on a
 * calendar nobody defined, network moved onto a stored one, a partner abroad; network's queue first
 * sat with billing. lost-queue, nowhere and a queue asked as a task's target are unknown holders.
 */
const UNITS: Record<string, string> = { 'front-line': 'cn-standard', billing: 'billing-hours', network: 'nine-to-five' };
const PARTNERS: Record<string, string> = { 'partner-fi': 'fi-8-16' };
const QUEUE_UNITS: Record<string, string> = { complaints: 'front-line', 'billing-desk': 'billing', 'network-desk': 'network' };

const admin: ActorRef = { id: 'org-admin', kind: 'user' };
const DEFINED_AT = '2026-11-01T00:00:00.000Z';
const names = (id: string) => ({ zh: id, en: id });
const unitDefined = (unitId: string, calendarId: string): OrgEvent => ({
  type: 'UnitDefined',
  data: { unitId, level: 'DEPARTMENT', unitType: 'DEPARTMENT', names: names(unitId), parentId: null, region: 'GD', calendarId, supervisorId: null, actor: admin, definedAt: DEFINED_AT },
});
const queueDefined = (queueId: string, unitId: string): OrgEvent => ({
  type: 'QueueDefined',
  data: { queueId, unitId, name: queueId, skills: [], languageRule: 'PREFERRED', actor: admin, definedAt: DEFINED_AT },
});

/** The directory's events on the log, with their streams: as the case-view projection follows them. */
const orgLog = (): RecordedEvent[] => {
  const events: [string, number, OrgEvent][] = [
    ...Object.keys(UNITS).map((id): [string, number, OrgEvent] => [`org-unit-${id}`, 1, unitDefined(id, id === 'network' ? 'cn-standard' : UNITS[id]!)]),
    [`org-unit-network`, 2, { type: 'UnitChanged', data: { unitId: 'network', calendarId: 'nine-to-five', actor: admin, changedAt: DEFINED_AT } }],
    ...Object.entries(PARTNERS).map(([partnerId, calendarId]): [string, number, OrgEvent] => [
      `org-partner-${partnerId}`,
      1,
      { type: 'PartnerRegistered', data: { partnerId, names: names(partnerId), regions: ['FI'], calendarId, supervisorId: null, actor: admin, registeredAt: DEFINED_AT } },
    ]),
    ...Object.keys(QUEUE_UNITS).map((id): [string, number, OrgEvent] => [`org-queue-${id}`, 1, queueDefined(id, id === 'network-desk' ? 'billing' : QUEUE_UNITS[id]!)]),
    [`org-queue-network-desk`, 2, { type: 'QueueChanged', data: { queueId: 'network-desk', unitId: 'network', actor: admin, changedAt: DEFINED_AT } }],
  ];
  return events.map(([streamId, streamVersion, event], index) => ({
    id: randomUUID(),
    ...event,
    data: event.data as unknown as JsonObject,
    metadata: { correlationId: 'org', actor: admin },
    streamId,
    streamVersion,
    position: BigInt(index + 1),
    recordedAt: new Date(DEFINED_AT),
  }));
};

const party = (id: string, kind: 'UNIT' | 'PARTNER', calendarId: string): OrgParty => ({
  id, kind, unitType: kind === 'UNIT' ? 'DEPARTMENT' : 'PARTNER', name: id, region: 'GD', calendarId, supervisorId: null, parentId: null,
});
const parties = new Map([
  ...Object.entries(UNITS).map(([id, calendarId]) => [id, party(id, 'UNIT', calendarId)] as const),
  ...Object.entries(PARTNERS).map(([id, calendarId]) => [id, party(id, 'PARTNER', calendarId)] as const),
]);
/** The same directory as the ports the stream fold asks, answering as OrgDirectory and KnownCalendars do. */
const org = {
  party: (id: string) => Promise.resolve(parties.get(id)),
  unitOfQueue: (queue: string) => Promise.resolve(QUEUE_UNITS[queue] === undefined ? undefined : parties.get(QUEUE_UNITS[queue])),
} as unknown as OrgLookup;
const calendars: BusinessCalendars = { calendar: (id) => Promise.resolve(knownCalendar(id, STORED.find((calendar) => calendar.id === id))) };

/** The records CaseStreams would read at this point of the log: the case stream, then each task it opened, in that order. */
const recordsOf = (log: readonly RecordedEvent[], caseId: string): CaseRecords => {
  const caseEvents = log.filter((event) => event.streamId === workflowCaseStreamId(caseId));
  const taskIds = caseEvents.filter((event) => event.type === 'CollaborationTaskOpened').map((event) => String(event.data['taskId']));
  const taskEvents = taskIds.flatMap((taskId) => log.filter((event) => event.streamId === collaborationTaskStreamId(taskId)));
  return { caseEvents, taskEvents, slaEvents: [] };
};

const summaryOf = (caseId: string) => ({
  caseId, channel: 'app', audience: 'EXTERNAL', requestType: 'COMPLAINT', category: 'billing', region: 'GD-SZ',
  priority: 'NORMAL', language: 'zh-Hans', subject: '账单', description: '多扣了', requesterId: 'cust-1',
});

const OPENED_AT = Date.parse('2026-11-20T07:30:00.000Z'); // a Friday, 15:30 in Shanghai

const steps = fc.array(
  fc.record({ kind: fc.nat(40), pick: fc.nat(29), minutesLater: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 3 * 24 * 60 })) }),
  { minLength: 10, maxLength: 60, size: 'max' },
);
const priority = fc.constantFrom('NORMAL', 'URGENT');

const historyOf = (urgency: string, tried: readonly Step[]): CaseWorld => {
  const world = new CaseWorld(randomUUID(), { priority: urgency, openedAt: new Date(OPENED_AT) });
  for (const step of tried) world.take(step);
  world.settle();
  return world;
};

describe('the course of a case, as the case view keeps it', () => {
  let database: FreshDatabase;
  let dataSource: DataSource;
  const projection = new CaseViewProjection();
  const apply = (events: readonly RecordedEvent[]) => dataSource.transaction((tx) => projection.apply(events, tx));

  /** As GetCaseHandler reads it: the view row, then the course it keeps. */
  const projected = async (caseId: string, now: Date): Promise<CaseCourse> =>
    new ProjectedCourses(dataSource, { now: () => now }).of(await dataSource.getRepository(CaseView).findOneByOrFail({ id: caseId }));
  const folded = (log: readonly RecordedEvent[], caseId: string, now: Date): Promise<CaseCourse> =>
    new CaseCourses(new LegClocks(org, calendars), { now: () => now }).of(recordsOf(log, caseId), undefined);

  beforeAll(async () => {
    database = await freshDatabase('caseview');
    dataSource = new DataSource({ type: 'postgres', url: database.url, entities: [CaseView] });
    await dataSource.initialize();
    const pool = new Pool({ connectionString: database.url, max: 2 });
    await migrateSchema({ pool, embedded: false, description: 'test', close: () => pool.end() }, 'workflow', WORKFLOW_MIGRATIONS);
    await pool.end();
    for (const calendar of STORED)
      await dataSource.query('insert into workflow.business_calendar (id, definition, version, changed_at) values ($1, $2, 1, now())', [calendar.id, JSON.stringify(calendar)]);
    await apply(orgLog());
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('equals the fold of the case’s streams after every event of its log', async () => {
    await fc.assert(
      fc.asyncProperty(priority, steps, async (urgency, tried) => {
        const world = historyOf(urgency, tried);
        const now = new Date(world.lastInstant.getTime() + 90 * 60_000);
        for (let length = 1; length <= world.log.length; length += 1) {
          await apply(world.log.slice(length - 1, length));
          expect(await projected(world.caseId, now)).toEqual(await folded(world.log.slice(0, length), world.caseId, now));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('comes out the same when the log is applied in batches, each twice (a replay after a crash)', async () => {
    await fc.assert(
      fc.asyncProperty(priority, steps, fc.integer({ min: 1, max: 12 }), async (urgency, tried, size) => {
        const world = historyOf(urgency, tried);
        const now = new Date(world.lastInstant.getTime() + 90 * 60_000);
        for (let start = 0; start < world.log.length; start += size) {
          const batch = world.log.slice(start, start + size);
          await apply(batch);
          await apply(batch);
        }
        await apply(world.log);
        expect(await projected(world.caseId, now)).toEqual(await folded(world.log, world.caseId, now));
      }),
      { numRuns: 40 },
    );
  });

  it('comes out the same through a rebuild\'s pass that holds few cases across batches, and a batch that failed and ran again', async () => {
    /** The pass lets go of every case but the last one it touched, so cases are written, read back and written again. */
    class HoldingOne extends CaseViewProjection {
      protected override readonly heldInRebuild = 1;
    }
    const rolledBack = new Error('the transaction failed after the batch applied');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(priority, steps), { minLength: 2, maxLength: 3 }), fc.integer({ min: 1, max: 12 }), fc.nat(5), async (histories, size, failing) => {
        const worlds = histories.map(([urgency, tried]) => historyOf(urgency, tried));
        // The cases' logs interleaved, each in its own order, as a busy log holds them.
        const log = worlds.flatMap((world) => world.log.map((event, index) => ({ event, at: index / world.log.length }))).sort((a, b) => a.at - b.at).map(({ event }) => event);
        const pass = new HoldingOne().rebuilding();
        for (let start = 0, batch = 0; start < log.length; start += size, batch += 1) {
          const events = log.slice(start, start + size);
          if (batch % 6 === failing)
            await expect(dataSource.transaction(async (tx) => {
              await pass.apply(events, tx);
              throw rolledBack;
            })).rejects.toBe(rolledBack);
          await dataSource.transaction((tx) => pass.apply(events, tx));
          pass.committed();
        }
        await dataSource.transaction((tx) => pass.flush(tx));
        pass.committed();
        for (const world of worlds) {
          const now = new Date(world.lastInstant.getTime() + 90 * 60_000);
          expect(await projected(world.caseId, now)).toEqual(await folded(world.log, world.caseId, now));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('meets what it must (the generator is not stuck): chains, returns, withdrawals, reopenings, unknown queues and calendars', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(priority, steps, (urgency, tried) => {
        const log = historyOf(urgency, tried).log;
        for (const event of log) {
          seen.add(event.type);
          if (event.type === 'CollaborationTaskOpened' && event.data['parentTaskId'] !== null) seen.add('a chain');
          if (event.type === 'CaseTransferred') seen.add(`to ${String((event.data['to'] as JsonObject)['queue'])}`);
        }
      }),
      { numRuns: 200 },
    );
    expect([...seen].sort()).toEqual(
      expect.arrayContaining(['a chain', 'TaskAccepted', 'CaseReopened', 'CaseCancelled', 'TaskReturned', 'TaskWithdrawn', 'TaskCompleted', 'CollaborationTaskClosed', 'to lost-queue', 'to network-desk']),
    );
  });

  it('measures a leg on the clock its holder had when the leg opened: a queue moved to another unit in the same batch moves only later legs', async () => {
    const caseId = randomUUID();
    const opened = new Date(OPENED_AT);
    const commands: WorkflowCaseCommand[] = [
      { type: 'RegisterAndRouteCase', summary: { ...summaryOf(caseId), openedAt: opened.toISOString() }, rules: [], fallback: { queue: 'moving-desk', ruleId: 'test' } },
      { type: 'TransferCase', caseId, to: { queue: 'complaints' }, actor: admin, reason: 'wrong desk' },
      { type: 'TransferCase', caseId, to: { queue: 'moving-desk' }, actor: admin, reason: 'right desk after all' },
    ];
    const caseEvents = commands.reduce<WorkflowCaseEvent[]>(
      (events, command) => [...events, ...workflowCaseDecider.decide(command, events.reduce(workflowCaseDecider.evolve, workflowCaseDecider.initialState()), { now: opened })],
      [],
    );
    const recorded = (streamId: string, streamVersion: number, event: OrgEvent | WorkflowCaseEvent): RecordedEvent => ({
      id: randomUUID(), ...event, data: event.data as unknown as JsonObject, metadata: { correlationId: caseId, actor: admin }, streamId, streamVersion, position: 0n, recordedAt: opened,
    });
    const caseStream = caseEvents.map((event, index) => recorded(workflowCaseStreamId(caseId), index + 1, event));
    const moved: OrgEvent = { type: 'QueueChanged', data: { queueId: 'moving-desk', unitId: 'network', actor: admin, changedAt: DEFINED_AT } };
    const firstTransfer = caseStream.findIndex((event) => event.type === 'CaseTransferred');
    await apply([
      recorded('org-queue-moving-desk', 1, queueDefined('moving-desk', 'front-line')),
      ...caseStream.slice(0, firstTransfer + 1),
      recorded('org-queue-moving-desk', 2, moved),
      ...caseStream.slice(firstTransfer + 1),
    ]);
    const { legs } = await projected(caseId, new Date(OPENED_AT + 60_000));
    expect(legs.map((leg) => [leg.holder.id, leg.clockHolder, leg.calendarId])).toEqual([
      ['moving-desk', { kind: 'UNIT', id: 'front-line' }, 'cn-standard'],
      ['complaints', { kind: 'UNIT', id: 'front-line' }, 'cn-standard'],
      ['moving-desk', { kind: 'UNIT', id: 'network' }, 'nine-to-five'],
    ]);
  });

  describe('a case waiting on a collaboration task, step by step', () => {
    const caseId = randomUUID();
    const taskId = `${caseId.slice(0, 8)}-task-1`;
    const at = new Date(OPENED_AT);
    const clerk: ActorRef = { id: 'clerk-wu', kind: 'user' };
    const caseEvents: WorkflowCaseEvent[] = [];
    const taskEvents: CollaborationTaskEvent[] = [];
    let position = 1_000_000;
    const record = (streamId: string, streamVersion: number, event: WorkflowCaseEvent | CollaborationTaskEvent): RecordedEvent => ({
      id: randomUUID(), ...event, data: event.data as unknown as JsonObject, metadata: { correlationId: caseId, actor: admin }, streamId, streamVersion, position: BigInt((position += 1)), recordedAt: at,
    });
    /** When: the case decides the command; its events are projected. */
    const onCase = (command: WorkflowCaseCommand) => {
      const decided = workflowCaseDecider.decide(command, caseEvents.reduce(workflowCaseDecider.evolve, workflowCaseDecider.initialState()), { now: at });
      return apply(decided.map((event) => record(workflowCaseStreamId(caseId), caseEvents.push(event), event)));
    };
    /** When: the task decides the command (as its target or the process manager sends it); its events are projected. */
    const onTask = (command: CollaborationTaskCommand) => {
      const decided = collaborationTaskDecider.decide(command, taskEvents.reduce(collaborationTaskDecider.evolve, collaborationTaskDecider.initialState()), { now: at });
      return apply(decided.map((event) => record(collaborationTaskStreamId(taskId), taskEvents.push(event), event)));
    };
    /** Then: the status GET /cases/{id} shows, and the status of the task in its chain. */
    const shown = async () => {
      const view = await dataSource.getRepository(CaseView).findOneByOrFail({ id: caseId });
      const { chain } = await projected(caseId, at);
      return { status: shownStatusOf(view, openTasksOf(chain)), task: chain[0]?.status, recordedEnd: chain[0]?.closedAt !== null };
    };

    beforeAll(async () => {
      await onCase({ type: 'RegisterAndRouteCase', summary: { ...summaryOf(caseId), openedAt: at.toISOString() }, rules: [], fallback: { queue: 'complaints', ruleId: 'test' } });
      await onCase({ type: 'AssignCase', caseId, queue: 'complaints', agentId: 'agent-li', agentLoad: { load: 0, capacity: 5 }, overrideCapacity: false, reason: 'least load', actor: admin });
      await onCase({ type: 'StartWork', caseId, actor: { id: 'agent-li', kind: 'user' } });
    });

    it('shows COLLABORATING, its task REQUESTED, once the case opened the task', async () => {
      await onCase({
        type: 'RequestCollaboration',
        caseId,
        actor: { id: 'agent-li', kind: 'user' },
        request: {
          taskId, parentTaskId: null, to: { kind: 'UNIT', id: 'billing', region: 'GD' }, reason: '请核实',
          sla: { calendarId: 'cn-standard', acceptWithinBusinessMinutes: 60, completeWithinBusinessMinutes: 480 },
          acceptDueAt: new Date(OPENED_AT + 86_400_000).toISOString(), completeDueAt: new Date(OPENED_AT + 2 * 86_400_000).toISOString(),
        },
      });
      const opened = caseEvents.find((event) => event.type === 'CollaborationTaskOpened');
      if (opened?.type !== 'CollaborationTaskOpened') throw new Error('the case opened no task');
      await onTask(taskCreationFor(opened));
      expect(await shown()).toEqual({ status: 'COLLABORATING', task: 'REQUESTED', recordedEnd: false });
    });

    it('shows the task ACCEPTED once its target accepted it', async () => {
      await onTask({ type: 'AcceptTask', taskId, byUnit: 'billing', actor: clerk });
      expect(await shown()).toEqual({ status: 'COLLABORATING', task: 'ACCEPTED', recordedEnd: false });
    });

    it('shows the task COMPLETED as soon as it is, the case still COLLABORATING until it records the end', async () => {
      await onTask({ type: 'CompleteTask', taskId, byUnit: 'billing', result: '已退费', actor: clerk });
      expect(await shown()).toEqual({ status: 'COLLABORATING', task: 'COMPLETED', recordedEnd: false });
    });

    it('returns the case to IN_PROGRESS when it recorded the end of its last open task', async () => {
      const outcome = caseOutcomeFor(taskEvents[taskEvents.length - 1]!);
      if (outcome === null) throw new Error('the task did not end');
      await onCase(outcome);
      expect(await shown()).toEqual({ status: 'IN_PROGRESS', task: 'COMPLETED', recordedEnd: true });
    });
  });
});
