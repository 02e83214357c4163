import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Decider, DomainEvent } from '@collab/domain-kernel';
import type { ActorRef } from './actor';
import {
  assignCase,
  at,
  cancelCase,
  confirmResolution,
  owner,
  reassignCase,
  recordFeedback,
  recordOutcome,
  registerAndRoute,
  reopenCase,
  requestCollaboration,
  resolveCase,
  startWork,
  supervisor,
  transferCase,
} from './case.fixtures';
import { workflowCaseDecider, type WorkflowCaseCommand } from './case.decider';
import { DEFAULT_CASE_POLICY, type CaseDecisionContext } from './case-policy';
import {
  acceptTask,
  addTaskNote,
  completeTask,
  createTask,
  returnTask,
  urgeTask,
  withdrawTask,
} from './collaboration-task/task.fixtures';
import { collaborationTaskDecider, type TaskDecisionContext } from './collaboration-task/task.decider';
import { WORKFLOW_STORED_EVENTS } from './stored-event-versions';
import type { CollaborationTaskCommand } from './collaboration-task/task.commands';

/*
 * Workflow publishes these events as they are stored (apps/workflow/src/workflow.contract.ts), so
 * what the deciders really produce must stay valid against the JSON Schemas analysts read
 * (libs/contracts/schemas/workflow/<Name>.v<N>.schema.json, N the version they are stored at). A field added to an event, renamed or
 * made nullable fails here until the schema — as a new version — says so.
 */

/** Every case and task event type on collab.workflow.events.v1; each must be produced below. */
/**
 * CaseRegistered and CaseQueued are mapped to their public form, not published as stored; so are the
 * task events whose public v2 keeps v1's id-only field beside the tagged party (fromUnit, unit), and
 * PingPongDetected, whose public v2 keeps v1's `units` beside its `sides`.
 * Their real output is checked through workflow's contract in apps/workflow/src/workflow.contract.spec.ts.
 */
const MAPPED = new Set(['CaseRegistered', 'CaseQueued', 'CollaborationTaskOpened', 'CollaborationRequested', 'TaskAccepted', 'TaskNoteAdded', 'PingPongDetected']);
const PUBLISHED = [
  'CaseAssignedToAgent',
  'CaseReassigned',
  'CaseTransferred',
  'CaseWorkStarted',
  'CollaborationTaskClosed',
  'CaseResolved',
  'CaseClosed',
  'FeedbackRecorded',
  'CaseReopened',
  'CaseCancelled',
  'TaskCompleted',
  'TaskReturned',
  'TaskUrged',
  'TaskWithdrawn',
] as const;

const schemaFolder = join(__dirname, '..', '..', '..', 'contracts', 'schemas', 'workflow');
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
/** Published as stored, so at the version they are stored at. */
const versionOf = (name: string): number =>
  (WORKFLOW_STORED_EVENTS.current as Readonly<Record<string, number>>)[name] ?? 1;
for (const name of PUBLISHED)
  ajv.addSchema(
    JSON.parse(readFileSync(join(schemaFolder, `${name}.v${versionOf(name)}.schema.json`), 'utf8')),
  );

const schemaErrorsOf = (event: { type: string; data: unknown }) => {
  const valid = ajv.validate(`urn:collab:schema:workflow:${event.type}:v${versionOf(event.type)}`, event.data);
  return valid ? null : ajv.errors;
};

/** Intake's case ids are UUIDs; the fixtures' short ids would not pass as one. */
const caseId = '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84';
const billingDesk = 'billing-desk';
const supervisors = { complaints: 'sup-wang' };

interface Step<C, X> {
  readonly command: C;
  readonly context: X;
}

/** Runs the commands one after the other through the decider, as the app does, and returns every event decided. */
const run = <C, E extends DomainEvent, S, X>(
  decider: Decider<C, E, S, X>,
  steps: readonly Step<C, X>[],
): E[] => {
  let state = decider.initialState();
  const decided: E[] = [];
  for (const { command, context } of steps) {
    const events = decider.decide(command, state, context);
    state = events.reduce(decider.evolve, state);
    decided.push(...events);
  }
  return decided;
};

const caseStep = (
  command: WorkflowCaseCommand,
  minute: number,
  policy = DEFAULT_CASE_POLICY,
): Step<WorkflowCaseCommand, CaseDecisionContext> => ({
  command,
  context: { now: at(minute), policy },
});
const taskStep = (
  command: CollaborationTaskCommand,
  minute: number,
): Step<CollaborationTaskCommand, TaskDecisionContext> => ({
  command,
  context: { now: at(minute) },
});

const zhao: ActorRef = { id: 'agent-zhao', kind: 'user' };

/** Routed, worked with a chain of two tasks (one returned, one completed), resolved, rated, closed and reopened. */
const mainLine = () =>
  run(workflowCaseDecider, [
    caseStep(registerAndRoute({ caseId }), 0),
    caseStep(assignCase({ caseId }), 1),
    caseStep(startWork({ caseId }), 2),
    caseStep(requestCollaboration({}, { caseId, supervisors }), 3),
    caseStep(
      requestCollaboration(
        {
          taskId: 'task-2',
          parentTaskId: 'task-1',
          to: { kind: 'PARTNER', id: 'fiber-co', region: 'GD-SZ' },
        },
        { caseId },
      ),
      4,
    ),
    caseStep(recordOutcome({ caseId, taskId: 'task-2', outcome: 'RETURNED', reason: 'WRONG_UNIT' }), 5),
    caseStep(recordOutcome({ caseId, taskId: 'task-1' }), 6),
    caseStep(resolveCase({ caseId }), 7),
    caseStep(recordFeedback({ caseId, comment: '' }), 8),
    caseStep(confirmResolution({ caseId }), 9),
    // Its last owner is full: it waits in its queue (agentId null).
    caseStep(reopenCase({ caseId, ownerLoad: { load: 4, capacity: 4 } }), 10),
  ]);

/** Reassigned beyond capacity on a supervisor's override, transferred back and forth until the ping-pong policy trips, then cancelled with a task open. */
const bouncedAndCancelled = () => {
  const strict = { ...DEFAULT_CASE_POLICY, pingPongMaxBounces: 0 };
  return run(workflowCaseDecider, [
    caseStep(registerAndRoute({ caseId }), 0),
    caseStep(assignCase({ caseId }), 1),
    caseStep(reassignCase({ caseId, agentLoad: { load: 3, capacity: 3 }, overrideCapacity: true }), 2),
    caseStep(transferCase({ caseId, to: { queue: billingDesk, region: 'GD-GZ' }, supervisors }), 3, strict),
    caseStep(
      transferCase({ caseId, to: { queue: 'complaints' }, actor: supervisor, supervisors }),
      4,
      strict,
    ),
    caseStep(assignCase({ caseId, agentId: 'agent-zhao' }), 5, strict),
    caseStep(startWork({ caseId, actor: zhao }), 6, strict),
    caseStep(requestCollaboration({}, { caseId, actor: zhao }), 7, strict),
    caseStep(cancelCase({ caseId, actor: owner }), 8, strict),
  ]);
};

const taskCompletedAfterNotesAndUrging = () =>
  run(collaborationTaskDecider, [
    taskStep(createTask({ caseId }), 0),
    taskStep(urgeTask(), 1),
    taskStep(acceptTask(), 2),
    taskStep(addTaskNote(), 3),
    taskStep(completeTask(), 4),
  ]);

const chainedTaskReturned = () =>
  run(collaborationTaskDecider, [
    taskStep(
      createTask({ caseId, request: { ...createTask().request, taskId: 'task-2', parentTaskId: 'task-1' } }),
      0,
    ),
    taskStep(returnTask({ taskId: 'task-2' }), 1),
  ]);

const taskWithdrawn = () =>
  run(collaborationTaskDecider, [taskStep(createTask({ caseId }), 0), taskStep(withdrawTask(), 1)]);

const decided = [
  ...mainLine(),
  ...bouncedAndCancelled(),
  ...taskCompletedAfterNotesAndUrging(),
  ...chainedTaskReturned(),
  ...taskWithdrawn(),
];

const asStored = decided.filter((event) => !MAPPED.has(event.type));

describe('the events workflow publishes, as its deciders produce them', () => {
  it('include every published case and task event type', () =>
    expect(new Set(asStored.map((event) => event.type))).toEqual(new Set(PUBLISHED)));

  it.each(asStored.map((event, index) => ({ index, type: event.type, event })))(
    'event $index ($type) is valid against its published JSON Schema',
    ({ event }) =>
      expect({ type: event.type, data: event.data, errors: schemaErrorsOf(event) }).toMatchObject({
        errors: null,
      }),
  );

  it('a field the schema does not name makes an event invalid', () => {
    const closed = decided.find((event) => event.type === 'CaseClosed')!;
    expect(schemaErrorsOf({ type: closed.type, data: { ...closed.data, correlationId: 'req-1' } })).toEqual([
      expect.objectContaining({
        keyword: 'additionalProperties',
        params: { additionalProperty: 'correlationId' },
      }),
    ]);
  });

  it('an actor of a kind the schema does not know makes an event invalid', () => {
    const started = decided.find((event) => event.type === 'CaseWorkStarted')!;
    expect(
      schemaErrorsOf({ type: started.type, data: { ...started.data, actor: { id: 'x', kind: 'robot' } } }),
    ).not.toBeNull();
  });
});
