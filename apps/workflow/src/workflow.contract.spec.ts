import {
  caseAssignedV1,
  caseRegisteredV1,
  collaborationRequestedV1,
  collaborationTaskOpenedV1,
  pingPongDetectedV1,
  slaClockStartedV1,
  slaEscalatedV1,
  taskAcceptedV1,
  taskNoteAddedV1,
  readerFor,
  workflowLanguage,
  type CollabEvent,
  type PublicEvent,
} from '@collab/contracts';
import { publishedFormOf } from '@collab/testing';
import { collaborationTaskDecider, slaDecider, workflowCaseDecider, type CaseSummary, type CollaborationTaskCommand, type CollaborationTaskEvent, type WorkflowCaseCommand, type WorkflowCaseEvent } from '@collab/workflow-domain';
import { workflowContract } from './workflow.contract';

const summary: CaseSummary = {
  caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
  channel: 'app',
  audience: 'EXTERNAL',
  requestType: 'COMPLAINT',
  category: 'billing/wrong-charge',
  region: 'GD-SZ',
  priority: 'NORMAL',
  language: 'zh-Hans',
  subject: '账单金额错误',
  description: 'Charged twice',
  openedAt: '2026-11-23T02:00:00.000Z',
};
const now = new Date('2026-11-23T02:00:01.000Z');
const registered = (customerTier?: string) =>
  workflowCaseDecider.decide(
    { type: 'RegisterAndRouteCase', summary, ...(customerTier === undefined ? {} : { customerTier }) },
    workflowCaseDecider.initialState(),
    { now },
  );

const envelopeOf = (definition: PublicEvent, data: object): CollabEvent => ({
  specversion: '1.0',
  id: 'e-1',
  source: '/collab/workflow',
  type: definition.eventType,
  subject: `case-${summary.caseId}`,
  time: '2026-11-23T02:00:00.000Z',
  datacontenttype: 'application/json',
  dataschema: definition.schemaId,
  data: { ...data },
  streamversion: 1,
  position: '1',
  correlationid: 'c-1',
  actor: 'service:workflow',
});

describe("workflow's contract, on what its decider really decides", () => {
  it.each([['VIP'], [undefined]])(
    'publishes a case registered (tier %s) and queued as CaseRegistered v2 and CaseQueued v1, valid against their schemas',
    (tier) => {
      const forms = registered(tier).map((event) => publishedFormOf(workflowContract, event));
      expect(forms.slice(0, 2)).toMatchObject([
        { type: 'collab.workflow.CaseRegistered.v2', errors: null, data: { customerTier: tier ?? null } },
        {
          type: 'collab.workflow.CaseQueued.v1',
          errors: null,
          data: { caseId: summary.caseId, queuedAt: now.toISOString() },
        },
      ]);
    },
  );

  it('reads what main published before the change as the newest version: CaseRegistered v1 with tier unknown, CaseAssigned v1 as CaseQueued', () => {
    const reader = readerFor(workflowLanguage);
    const { audience: _audience, ...rest } = summary;
    // Literal payloads as main published them (collab.workflow.CaseRegistered.v1 / CaseAssigned.v1).
    expect(reader.read(envelopeOf(caseRegisteredV1, { ...rest, audience: 'EXTERNAL' }))).toMatchObject({
      type: 'CaseRegistered',
      version: 2,
      data: { caseId: summary.caseId, customerTier: null },
    });
    expect(
      reader.read(
        envelopeOf(caseAssignedV1, {
          caseId: summary.caseId,
          queue: 'complaints',
          ruleId: 'complaints',
          assignedAt: '2026-11-23T02:00:01.000Z',
        }),
      ),
    ).toEqual(
      expect.objectContaining({
        type: 'CaseQueued',
        version: 1,
        data: {
          caseId: summary.caseId,
          queue: 'complaints',
          ruleId: 'complaints',
          queuedAt: '2026-11-23T02:00:01.000Z',
        },
      }),
    );
  });
});

describe('who asked, accepted and wrote a note, on the topic (tagged parties, v2)', () => {
  const caseId = summary.caseId;
  const agent = { id: 'agent-li', kind: 'user' } as const;
  const partnerAgent = { id: 'reseller-a', kind: 'partner' } as const;
  const partner = { kind: 'PARTNER', id: 'reseller-a', region: 'GD-FS' } as const;
  const billing = { kind: 'UNIT', id: 'billing-dept', region: 'GD' } as const;
  const sla = { calendarId: 'cn-standard', acceptWithinBusinessMinutes: 60, completeWithinBusinessMinutes: 960 };
  const request = (taskId: string, parentTaskId: string | null, to: typeof partner | typeof billing) => ({
    taskId, parentTaskId, to, reason: '请核实', sla, acceptDueAt: '2026-12-23T02:00:00.000Z', completeDueAt: '2026-12-24T02:00:00.000Z',
  });

  /** Runs commands through a decider from its initial state, as the app does, and returns every event decided. */
  const run = <C, E extends { readonly type: string; readonly data: object }, S>(
    decider: { initialState(): S; decide(command: C, state: S, context: { now: Date }): readonly E[]; evolve(state: S, event: E): S },
    commands: readonly C[],
  ): E[] => {
    let state = decider.initialState();
    return commands.flatMap((command) => {
      const events = decider.decide(command, state, { now });
      state = events.reduce(decider.evolve, state);
      return events;
    });
  };

  it('publishes the decided CollaborationTaskOpened, CollaborationRequested, TaskAccepted and TaskNoteAdded as v2, valid, v1 fields kept', () => {
    const routed = registered();
    const queued = routed.find((event) => event.type === 'CaseQueued');
    const queue = queued?.type === 'CaseQueued' ? queued.data.queue : '';
    const caseEvents = run<WorkflowCaseCommand, WorkflowCaseEvent, ReturnType<typeof workflowCaseDecider.initialState>>(workflowCaseDecider, [
      { type: 'RegisterAndRouteCase', summary },
      { type: 'AssignCase', caseId, queue, agentId: 'agent-li', agentLoad: { load: 0, capacity: 8 }, overrideCapacity: false, actor: agent, reason: 'test' },
      { type: 'StartWork', caseId, actor: agent },
      { type: 'RequestCollaboration', caseId, request: request('task-1', null, partner), actor: agent },
      { type: 'RequestCollaboration', caseId, request: request('task-2', 'task-1', billing), actor: partnerAgent },
    ]);
    const opened = caseEvents.filter((event) => event.type === 'CollaborationTaskOpened').map((event) => publishedFormOf(workflowContract, event));
    expect(opened).toMatchObject([
      { type: 'collab.workflow.CollaborationTaskOpened.v2', errors: null, data: { fromUnit: queue, from: { kind: 'QUEUE', id: queue } } },
      { type: 'collab.workflow.CollaborationTaskOpened.v2', errors: null, data: { fromUnit: 'reseller-a', from: { kind: 'PARTNER', id: 'reseller-a' } } },
    ]);
    const taskEvents = run<CollaborationTaskCommand, CollaborationTaskEvent, ReturnType<typeof collaborationTaskDecider.initialState>>(collaborationTaskDecider, [
      { type: 'CreateCollaborationTask', caseId, from: { kind: 'QUEUE', id: 'complaints' }, request: request('task-1', null, partner), actor: agent },
      { type: 'AcceptTask', taskId: 'task-1', byUnit: 'reseller-a', actor: partnerAgent },
      { type: 'AddTaskNote', taskId: 'task-1', byUnit: 'complaints', note: '截图已上传', actor: agent },
    ]);
    expect(taskEvents.map((event) => publishedFormOf(workflowContract, event))).toMatchObject([
      { type: 'collab.workflow.CollaborationRequested.v2', errors: null, data: { fromUnit: 'complaints', from: { kind: 'QUEUE', id: 'complaints' } } },
      { type: 'collab.workflow.TaskAccepted.v2', errors: null, data: { unit: 'reseller-a', by: { kind: 'PARTNER', id: 'reseller-a' } } },
      { type: 'collab.workflow.TaskNoteAdded.v2', errors: null, data: { unit: 'complaints', by: { kind: 'QUEUE', id: 'complaints' } } },
    ]);
  });

  it('reads the v1 events main published as v2, the party kind given by the documented rules', () => {
    const reader = readerFor(workflowLanguage);
    const asked = { caseId, fromUnit: 'complaints', ...request('task-1', null, partner), actor: agent };
    expect(reader.read(envelopeOf(collaborationTaskOpenedV1, { ...asked, openedAt: now.toISOString() }))).toMatchObject({
      type: 'CollaborationTaskOpened', version: 2, data: { fromUnit: 'complaints', from: { kind: 'QUEUE', id: 'complaints' } },
    });
    // A chain's asker was a unit's staff: no partner could ask in turn before v2.
    const chained = { ...asked, ...request('task-2', 'task-1', billing), fromUnit: 'network-ops' };
    expect(reader.read(envelopeOf(collaborationRequestedV1, { ...chained, requestedAt: now.toISOString() }))).toMatchObject({
      type: 'CollaborationRequested', version: 2, data: { from: { kind: 'UNIT', id: 'network-ops' } },
    });
    const acceptedAt = now.toISOString();
    expect(reader.read(envelopeOf(taskAcceptedV1, { taskId: 'task-1', caseId, unit: 'reseller-a', actor: partnerAgent, acceptedAt }))).toMatchObject({
      type: 'TaskAccepted', version: 2, data: { unit: 'reseller-a', by: { kind: 'PARTNER', id: 'reseller-a' } },
    });
    expect(reader.read(envelopeOf(taskNoteAddedV1, { taskId: 'task-1', caseId, unit: 'billing-dept', note: '在查', actor: agent, addedAt: acceptedAt }))).toMatchObject({
      type: 'TaskNoteAdded', version: 2, data: { by: { kind: 'UNIT', id: 'billing-dept' } },
    });
  });

  it('publishes a ping-pong between the case queue and a partner as PingPongDetected v2, the sides with their kinds, v1 units kept', () => {
    const queued = registered().find((event) => event.type === 'CaseQueued');
    const queue = queued?.type === 'CaseQueued' ? queued.data.queue : '';
    const supervisors = { [queue]: 'sup-wang' };
    const returned = (taskId: string): WorkflowCaseCommand => ({ type: 'RecordCollaborationOutcome', caseId, taskId, outcome: 'RETURNED', reason: 'OUT_OF_SCOPE', actor: partnerAgent, supervisors });
    // queue → partner, partner ↩ queue (1), queue → partner (2), partner ↩ queue (3 > the default 2)
    const caseEvents = run<WorkflowCaseCommand, WorkflowCaseEvent, ReturnType<typeof workflowCaseDecider.initialState>>(workflowCaseDecider, [
      { type: 'RegisterAndRouteCase', summary },
      { type: 'AssignCase', caseId, queue, agentId: 'agent-li', agentLoad: { load: 0, capacity: 8 }, overrideCapacity: false, actor: agent, reason: 'test' },
      { type: 'StartWork', caseId, actor: agent },
      { type: 'RequestCollaboration', caseId, request: request('task-1', null, partner), actor: agent },
      returned('task-1'),
      { type: 'RequestCollaboration', caseId, request: request('task-2', null, partner), actor: agent },
      returned('task-2'),
    ]);
    expect(caseEvents.filter((event) => event.type === 'PingPongDetected').map((event) => publishedFormOf(workflowContract, event))).toMatchObject([
      {
        type: 'collab.workflow.PingPongDetected.v2',
        errors: null,
        data: {
          units: [{ unitId: queue, supervisorId: 'sup-wang' }, { unitId: 'reseller-a', supervisorId: null }],
          sides: [
            { party: { kind: 'QUEUE', id: queue }, supervisorId: 'sup-wang' },
            { party: { kind: 'PARTNER', id: 'reseller-a' }, supervisorId: null },
          ],
        },
      },
    ]);
  });

  it('reads a PingPongDetected v1 main published as v2, each side a UNIT by the documented rule', () => {
    const units = [{ unitId: 'complaints', supervisorId: 'sup-wang' }, { unitId: 'billing-dept', supervisorId: null }];
    expect(
      readerFor(workflowLanguage).read(envelopeOf(pingPongDetectedV1, { caseId, units, bounces: 3, maxBounces: 2, detectedAt: now.toISOString() })),
    ).toMatchObject({
      type: 'PingPongDetected',
      version: 2,
      data: {
        units,
        sides: [
          { party: { kind: 'UNIT', id: 'complaints' }, supervisorId: 'sup-wang' },
          { party: { kind: 'UNIT', id: 'billing-dept' }, supervisorId: null },
        ],
      },
    });
  });
});

describe('whose SLA clock it is, on the topic (SlaClockStarted and SlaEscalated v2)', () => {
  const caseId = summary.caseId;
  const partner = { kind: 'PARTNER', id: 'reseller-a' } as const;
  const openedAt = '2026-11-23T02:00:00.000Z';
  const clocks = slaDecider.decide(
    {
      type: 'StartTaskClocks', caseId, taskId: 'task-1', clockHolder: partner, openedAt, calendar: null,
      sla: { calendarId: 'cn-standard', acceptWithinBusinessMinutes: 60, completeWithinBusinessMinutes: 240 },
      acceptDueAt: '2026-11-23T03:00:00.000Z', completeDueAt: '2026-11-23T06:00:00.000Z',
    },
    slaDecider.initialState(),
    { now },
  );
  const escalated = slaDecider.decide(
    { type: 'EscalateSla', caseId, clockKey: 'task:task-1:accept', startedAt: openedAt, level: 1, clockHolder: partner, supervisorUnit: 'reseller-a', supervisorId: 'sup-reseller' },
    clocks.reduce(slaDecider.evolve, slaDecider.initialState()),
    { now: new Date('2026-11-23T03:00:00.000Z') },
  );

  it('publishes a partner task clock as SlaClockStarted v2, the holder with its kind, v1 holdingUnit kept', () =>
    expect(clocks.map((event) => publishedFormOf(workflowContract, event))).toMatchObject([
      { type: 'collab.workflow.SlaClockStarted.v2', errors: null, data: { holdingUnit: 'reseller-a', clockHolder: partner } },
      { type: 'collab.workflow.SlaClockStarted.v2', errors: null, data: { holdingUnit: 'reseller-a', clockHolder: partner } },
    ]));

  it('publishes its escalation as SlaEscalated v2, the holder with its kind, v1 holdingUnit kept', () =>
    expect(escalated.map((event) => publishedFormOf(workflowContract, event))).toMatchObject([
      { type: 'collab.workflow.SlaEscalated.v2', errors: null, data: { holdingUnit: 'reseller-a', clockHolder: partner, supervisorId: 'sup-reseller' } },
    ]));

  it('reads SlaClockStarted and SlaEscalated v1 main published as v2: a task clock holder a UNIT, none for none, by the documented rule', () => {
    const reader = readerFor(workflowLanguage);
    const started = { caseId, clockKey: 'task:task-1:accept', taskId: 'task-1', holdingUnit: 'billing-dept', calendarId: null, targetMinutes: 60, startedAt: openedAt, dueAt: '2026-11-23T03:00:00.000Z', warnAt: null, warnAtPercent: null, escalations: [] };
    expect(reader.read(envelopeOf(slaClockStartedV1, started))).toMatchObject({ type: 'SlaClockStarted', version: 2, data: { holdingUnit: 'billing-dept', clockHolder: { kind: 'UNIT', id: 'billing-dept' } } });
    expect(reader.read(envelopeOf(slaClockStartedV1, { ...started, clockKey: 'case:response', taskId: null, holdingUnit: null }))).toMatchObject({ version: 2, data: { clockHolder: null } });
    const escalation = { caseId, clockKey: 'case:response', taskId: null, level: 1, notify: 'UNIT_SUPERVISOR', holdingUnit: 'front-line', supervisorUnit: 'front-line', supervisorId: 'sup-front', dueAt: openedAt, escalatedAt: openedAt };
    expect(reader.read(envelopeOf(slaEscalatedV1, escalation))).toMatchObject({ type: 'SlaEscalated', version: 2, data: { holdingUnit: 'front-line', clockHolder: { kind: 'UNIT', id: 'front-line' } } });
  });
});
