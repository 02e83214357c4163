import { fold } from '@collab/domain-kernel';
import { workflowCaseDecider } from '../case.decider';
import type { WorkflowCaseEvent } from '../case.events';
import { T0, caseInProgress, requestCollaboration, specAt, taskClosed, taskOpened } from '../case.fixtures';
import { caseOutcomeFor, taskCreationFor } from './case-links';
import { collaborationTaskDecider } from './task.decider';
import {
  billingClerk,
  collaborationRequested,
  createTask,
  taskAccepted,
  taskCompleted,
  taskNoteAdded,
  taskReturned,
  taskSpec,
  taskUrged,
  taskWithdrawn,
} from './task.fixtures';

describe('from the case to its task stream', () => {
  it('creates the task from what the case recorded', () =>
    expect(taskCreationFor(taskOpened())).toEqual(createTask()));

  it('records on the task stream the request the case accepted', () => {
    const opened = workflowCaseDecider.decide(
      requestCollaboration(),
      fold(workflowCaseDecider, caseInProgress()),
      { now: T0 },
    );
    const [taskOpenedOnCase] = opened as [Extract<WorkflowCaseEvent, { type: 'CollaborationTaskOpened' }>];
    taskSpec().given().when(taskCreationFor(taskOpenedOnCase)).then(collaborationRequested());
  });
});

describe('from a task’s end back to the case', () => {
  it.each([
    ['completed', taskCompleted(), 'COMPLETED', null],
    ['returned', taskReturned(), 'RETURNED', 'WRONG_UNIT'],
    ['withdrawn', taskWithdrawn(), 'WITHDRAWN', '客户撤诉'],
  ] as const)('records a %s task with its reason', (_how, event, outcome, reason) =>
    expect(caseOutcomeFor(event)).toEqual({
      type: 'RecordCollaborationOutcome',
      caseId: 'case-1',
      taskId: 'task-1',
      outcome,
      reason,
      actor: event.data.actor,
    }),
  );

  it.each([collaborationRequested(), taskAccepted(), taskNoteAdded(), taskUrged()])(
    'ignores $type, which ends nothing',
    (event) => expect(caseOutcomeFor(event)).toBeNull(),
  );

  it('closes the task on the case as returned, with the code', () => {
    const outcome = caseOutcomeFor(taskReturned());
    if (outcome === null) throw new Error('a return ends the task');
    specAt()
      .given(...caseInProgress(), taskOpened())
      .when(outcome)
      .then(taskClosed({ outcome: 'RETURNED', reason: 'WRONG_UNIT', actor: billingClerk }));
  });
});

it('a task stream replays to the state the case believes in', () =>
  expect(
    fold(collaborationTaskDecider, [collaborationRequested(), taskAccepted(), taskCompleted()]).status,
  ).toBe('completed'));
