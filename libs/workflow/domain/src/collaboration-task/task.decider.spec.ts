import { Forbidden, IllegalTransition, NotFound, ValidationFailed } from '@collab/domain-kernel';
import { collaborationRequest, iso } from '../case.fixtures';
import { DEFAULT_RETURN_REASONS, defineReturnReason, retireReturnReason } from './return-reasons';
import {
  acceptTask,
  addTaskNote,
  billingClerk,
  collaborationRequested,
  completeTask,
  createTask,
  returnTask,
  taskAccepted,
  taskCompleted,
  taskNoteAdded,
  taskRefusalOf,
  taskReturned,
  taskSpec,
  taskUrged,
  taskWithdrawn,
  urgeTask,
  withdrawTask,
} from './task.fixtures';

const spec = taskSpec();
const accepted = [collaborationRequested(), taskAccepted()];

describe('a collaboration task is requested', () => {
  it('with its case, the asking unit, the target, its own SLA and due times', () =>
    spec.given().when(createTask()).then(collaborationRequested()));

  it('as a link of a chain, naming its parent task', () =>
    spec
      .given()
      .when(
        createTask({
          from: { kind: 'UNIT', id: 'billing-dept' },
          request: collaborationRequest({
            taskId: 'task-2',
            parentTaskId: 'task-1',
            to: { kind: 'PARTNER', id: 'reseller-a', region: 'GD-FS' },
          }),
        }),
      )
      .then(
        collaborationRequested({
          taskId: 'task-2',
          parentTaskId: 'task-1',
          from: { kind: 'UNIT', id: 'billing-dept' },
          to: { kind: 'PARTNER', id: 'reseller-a', region: 'GD-FS' },
        }),
      ));

  it('even when its due time has passed since the case recorded it', () =>
    spec
      .given()
      .when(createTask({ request: collaborationRequest({ acceptDueAt: iso(-60) }) }))
      .then(collaborationRequested({ acceptDueAt: iso(-60) })));

  it('once', () => spec.given(collaborationRequested()).when(createTask()).thenThrows(IllegalTransition));

  it('names every invalid field', () =>
    expect(
      taskRefusalOf(
        [],
        createTask({
          caseId: '',
          request: collaborationRequest({ to: { kind: 'UNIT', id: 'complaints', region: 'GD' } }),
        }),
      ),
    ).toMatchObject({ errors: [{ field: 'caseId' }, { field: 'request.to.id' }] }));
});

describe('the target works the task', () => {
  it('accepts it', () => spec.given(collaborationRequested()).when(acceptTask()).then(taskAccepted()));

  it('adds notes before and after accepting, and so does the unit that asked', () => {
    spec.given(collaborationRequested()).when(addTaskNote()).then(taskNoteAdded());
    spec
      .given(...accepted)
      .when(addTaskNote({ byUnit: 'complaints', note: '截图已上传' }))
      .then(taskNoteAdded({ by: { kind: 'QUEUE', id: 'complaints' }, note: '截图已上传' }));
  });

  it('completes it once accepted', () =>
    spec
      .given(...accepted)
      .when(completeTask())
      .then(taskCompleted()));

  it('must accept before completing', () =>
    expect(taskRefusalOf([collaborationRequested()], completeTask())).toMatchObject({
      message: 'CompleteTask is not allowed while the task is requested: accept the task first',
    }));

  it('is the only one who may accept, complete or return it', () => {
    for (const command of [
      acceptTask({ byUnit: 'complaints' }),
      completeTask({ byUnit: 'network-ops' }),
      returnTask({ byUnit: 'reseller-a' }),
    ])
      expect(taskRefusalOf(accepted, command)).toBeInstanceOf(Forbidden);
  });

  it('a third unit may not add notes', () =>
    expect(taskRefusalOf(accepted, addTaskNote({ byUnit: 'network-ops' }))).toBeInstanceOf(Forbidden));
});

describe('returning a task (退单)', () => {
  it.each([
    ['before', [collaborationRequested()]],
    ['after', accepted],
  ])('is allowed %s acceptance, with a reason code and a note', (_when, history) =>
    spec
      .given(...history)
      .when(returnTask())
      .then(taskReturned()),
  );

  it('refuses a code that is not on the managed list, naming reasonCode', () => {
    const refusal = taskRefusalOf(accepted, returnTask({ reasonCode: 'NOT_MY_JOB' }));
    expect(refusal).toBeInstanceOf(ValidationFailed);
    expect(refusal).toMatchObject({
      errors: [{ field: 'reasonCode', message: expect.stringContaining('WRONG_UNIT, MISSING_INFORMATION') }],
    });
  });

  it('follows the list the administrators manage', () => {
    const managed = retireReturnReason(
      defineReturnReason(DEFAULT_RETURN_REASONS, 'NEEDS_SITE_VISIT', { 'zh-Hans': '需上门' }),
      'DUPLICATE',
    );
    taskSpec(managed)
      .given(...accepted)
      .when(returnTask({ reasonCode: 'NEEDS_SITE_VISIT' }))
      .then(taskReturned({ reasonCode: 'NEEDS_SITE_VISIT' }));
    taskSpec(managed)
      .given(...accepted)
      .when(returnTask({ reasonCode: 'DUPLICATE' }))
      .thenThrows(ValidationFailed);
  });

  it('needs a note', () =>
    expect(taskRefusalOf(accepted, returnTask({ note: '  ' }))).toMatchObject({
      errors: [{ field: 'note' }],
    }));

  it('is refused once the task is completed', () =>
    spec
      .given(...accepted, taskCompleted())
      .when(returnTask())
      .thenThrows(IllegalTransition));
});

describe('the unit that asked', () => {
  it('urges the task (催办), counting the urges', () => {
    spec.given(collaborationRequested()).when(urgeTask()).then(taskUrged());
    spec
      .given(...accepted, taskUrged({ urgedAt: iso(-61) }), taskNoteAdded())
      .when(urgeTask({ note: '' }))
      .then(taskUrged({ note: '', urgeCount: 2 }));
  });

  it('withdraws it while open', () =>
    spec
      .given(...accepted)
      .when(withdrawTask())
      .then(taskWithdrawn()));

  it('is the only one who may urge or withdraw', () => {
    expect(taskRefusalOf(accepted, urgeTask({ byUnit: 'billing-dept', actor: billingClerk }))).toBeInstanceOf(
      Forbidden,
    );
    expect(taskRefusalOf(accepted, withdrawTask({ byUnit: 'billing-dept' }))).toBeInstanceOf(Forbidden);
  });

  it('cannot urge a returned task', () =>
    expect(taskRefusalOf([...accepted, taskReturned()], urgeTask())).toMatchObject({
      state: 'returned',
      message: 'UrgeTask is not allowed while the task is returned: only an open task is urged',
    }));
});

it('a task that was never requested is not found', () =>
  expect(taskRefusalOf([], acceptTask())).toBeInstanceOf(NotFound));
