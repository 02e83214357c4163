import { fold } from '@collab/domain-kernel';
import {
  caseInProgress,
  collaborationRequest,
  iso,
  owner,
  pingPongDetected,
  recordOutcome,
  requestCollaboration,
  specAt,
  taskClosed,
  taskOpened,
} from './case.fixtures';
import { workflowCaseDecider } from './case.decider';
import type { WorkflowCaseEvent } from './case.events';
import { WORKFLOW_STORED_EVENTS } from './stored-event-versions';
import {
  acceptTask,
  addTaskNote,
  billingClerk,
  taskAccepted,
  taskNoteAdded,
  taskSpec,
} from './collaboration-task/task.fixtures';
import type { CollaborationTaskEvent } from './collaboration-task/task.events';

/*
 * Who asked, accepted or wrote a note is a tagged party (QUEUE, UNIT or PARTNER) from schema version
 * 2 on. Version 1 events, as main stored them, named the party by id only (`fromUnit`, `unit`); the
 * stored-event upcasters lift them (the event store runs the same steps on every read), and the
 * deciders go on from there.
 */

type Data = { readonly [key: string]: unknown };

/** A version 1 event lifted step by step to its current version, as UpcastingEventStore reads it. */
const lifted = <Event>(type: string, data: Data): Event => {
  let [current, version] = [data, 1];
  for (;;) {
    const step = WORKFLOW_STORED_EVENTS.upcasters.find((candidate) => candidate.from.type === type && candidate.from.version === version);
    if (step === undefined) return { type, data: current } as Event;
    [current, version] = [step.upcast(current), step.to.version];
  }
};

const partner = { kind: 'PARTNER', id: 'reseller-a', region: 'GD-FS' } as const;
const partnerAgent = { id: 'reseller-a', kind: 'partner' } as const;
const billing = { kind: 'UNIT', id: 'billing-dept', region: 'GD' } as const;

/** CollaborationTaskOpened as main stored it (schema version 1): the asker by id only. */
const openedAtVersion1 = (taskId: string, parentTaskId: string | null, fromUnit: string, to: typeof partner | typeof billing): WorkflowCaseEvent =>
  lifted('CollaborationTaskOpened', {
    ...collaborationRequest({ taskId, parentTaskId, to }),
    caseId: 'case-1',
    fromUnit,
    actor: owner,
    openedAt: iso(),
  });

/** CollaborationRequested on a task stream as main stored it. */
const requestedAtVersion1 = (fromUnit: string, to: typeof partner | typeof billing): CollaborationTaskEvent =>
  lifted('CollaborationRequested', {
    ...collaborationRequest({ to }),
    caseId: 'case-1',
    fromUnit,
    actor: owner,
    requestedAt: iso(),
  });

describe('a case whose tasks were recorded at schema version 1', () => {
  const spec = specAt();

  it('reads an unchained asker as the case’s queue', () =>
    expect(openedAtVersion1('task-1', null, 'complaints', partner)).toEqual(
      taskOpened({ to: partner }, { from: { kind: 'QUEUE', id: 'complaints' } }),
    ));

  it('asks in turn from a partner-held task as the PARTNER it is (the parent’s target says so)', () =>
    spec
      .given(...caseInProgress(), openedAtVersion1('task-1', null, 'complaints', partner))
      .when(requestCollaboration({ taskId: 'task-2', parentTaskId: 'task-1', to: billing }, { actor: partnerAgent }))
      .then(
        taskOpened(
          { taskId: 'task-2', parentTaskId: 'task-1', to: billing },
          { from: { kind: 'PARTNER', id: 'reseller-a' }, actor: partnerAgent },
        ),
      ));

  it('takes a version 1 chain’s asker from its parent task’s target, where one event alone says UNIT', () => {
    const chained = openedAtVersion1('task-2', 'task-1', 'reseller-a', billing);
    expect(chained.type === 'CollaborationTaskOpened' && chained.data.from).toEqual({ kind: 'UNIT', id: 'reseller-a' });
    const state = fold(workflowCaseDecider, [...caseInProgress(), openedAtVersion1('task-1', null, 'complaints', partner), chained]);
    expect(state.status === 'collaborating' && state.openTasks.map((task) => [task.taskId, task.from])).toEqual([
      ['task-1', { kind: 'QUEUE', id: 'complaints' }],
      ['task-2', { kind: 'PARTNER', id: 'reseller-a' }],
    ]);
  });
});

describe('a task requested at schema version 1', () => {
  const spec = taskSpec();

  it('is accepted by its target, named with its kind', () =>
    spec
      .given(requestedAtVersion1('complaints', billing))
      .when(acceptTask())
      .then(taskAccepted({ by: { kind: 'UNIT', id: 'billing-dept' } })));

  it('is accepted by a partner as the PARTNER it is', () =>
    spec
      .given(requestedAtVersion1('complaints', partner))
      .when(acceptTask({ byUnit: 'reseller-a', actor: partnerAgent }))
      .then(taskAccepted({ by: { kind: 'PARTNER', id: 'reseller-a' }, actor: partnerAgent })));

  it('takes a note from the asking queue as the QUEUE it is', () =>
    spec
      .given(requestedAtVersion1('complaints', billing), lifted('TaskAccepted', { taskId: 'task-1', caseId: 'case-1', unit: 'billing-dept', actor: billingClerk, acceptedAt: iso() }))
      .when(addTaskNote({ byUnit: 'complaints', actor: owner, note: '截图已上传' }))
      .then(taskNoteAdded({ by: { kind: 'QUEUE', id: 'complaints' }, actor: owner, note: '截图已上传' })));

  it('reads version 1 acceptances and notes with the kind their actor tells', () => {
    expect(lifted('TaskAccepted', { taskId: 'task-1', caseId: 'case-1', unit: 'reseller-a', actor: partnerAgent, acceptedAt: iso() })).toEqual(
      taskAccepted({ by: { kind: 'PARTNER', id: 'reseller-a' }, actor: partnerAgent }),
    );
    expect(lifted('TaskNoteAdded', { taskId: 'task-1', caseId: 'case-1', unit: 'billing-dept', note: '请提供扣费短信截图', actor: billingClerk, addedAt: iso() })).toEqual(
      taskNoteAdded({ by: { kind: 'UNIT', id: 'billing-dept' } }),
    );
  });
});

describe('a ping-pong detected at schema version 1', () => {
  /** PingPongDetected as main stored it: both sides named `units[].unitId`, whatever they were. */
  const detectedAtVersion1 = (): WorkflowCaseEvent =>
    lifted('PingPongDetected', {
      caseId: 'case-1',
      units: [
        { unitId: 'complaints', supervisorId: 'sup-wang' },
        { unitId: 'billing-dept', supervisorId: 'sup-chen' },
      ],
      bounces: 3,
      maxBounces: 2,
      detectedAt: iso(),
    });
  const requested = (taskId: string) => taskOpened({ taskId }, { openedAt: iso() });
  const returned = (taskId: string) => taskClosed({ taskId, outcome: 'RETURNED', reason: 'OUT_OF_SCOPE' });
  const supervisors = { complaints: 'sup-wang', 'billing-dept': 'sup-chen' };

  it('reads as version 2, each side a UNIT as version 1 called it', () =>
    expect(detectedAtVersion1()).toEqual(
      pingPongDetected({
        sides: [
          { party: { kind: 'UNIT', id: 'complaints' }, supervisorId: 'sup-wang' },
          { party: { kind: 'UNIT', id: 'billing-dept' }, supervisorId: 'sup-chen' },
        ],
      }),
    ));

  it('keeps the pair raised: the case fold keys it by id, so the same bounce is not raised again', () =>
    specAt()
      .given(...caseInProgress(), requested('task-1'), returned('task-1'), requested('task-2'), returned('task-2'), detectedAtVersion1(), requested('task-3'))
      .when(recordOutcome({ taskId: 'task-3', outcome: 'RETURNED', reason: 'OUT_OF_SCOPE', supervisors }))
      .then(returned('task-3')));

  it('without it, the same history raises a version 2 event naming the queue and the unit', () =>
    specAt()
      .given(...caseInProgress(), requested('task-1'), returned('task-1'), requested('task-2'))
      .when(recordOutcome({ taskId: 'task-2', outcome: 'RETURNED', reason: 'OUT_OF_SCOPE', supervisors }))
      .then(
        returned('task-2'),
        pingPongDetected({
          sides: [
            { party: { kind: 'QUEUE', id: 'complaints' }, supervisorId: 'sup-wang' },
            { party: { kind: 'UNIT', id: 'billing-dept' }, supervisorId: 'sup-chen' },
          ],
        }),
      ));
});
