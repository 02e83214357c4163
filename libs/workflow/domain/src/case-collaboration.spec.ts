import { IllegalTransition, ValidationFailed } from '@collab/domain-kernel';
import {
  T0,
  at,
  assignedCase,
  caseInProgress,
  caseResolved,
  collaboratingCase,
  iso,
  owner,
  pingPongDetected,
  recordOutcome,
  refusalOf,
  requestCollaboration,
  resolveCase,
  specAt,
  taskClosed,
  taskOpened,
} from './case.fixtures';

const spec = specAt();
const partnerInFoshan = { kind: 'PARTNER', id: 'reseller-a', region: 'GD-FS' } as const;

describe('asking another unit for help (流程穿越)', () => {
  it('opens a collaboration task from the owner’s queue, with its own SLA and due times', () =>
    spec
      .given(...caseInProgress())
      .when(requestCollaboration())
      .then(taskOpened()));

  it('keeps several tasks open at once, across regions', () =>
    spec
      .given(...collaboratingCase())
      .when(requestCollaboration({ taskId: 'task-2', to: partnerInFoshan }))
      .then(taskOpened({ taskId: 'task-2', to: partnerInFoshan })));

  it('lets the unit working a task ask another unit in turn: the chain', () => {
    const networkOps = { kind: 'UNIT', id: 'network-ops', region: 'GD' } as const;
    spec
      .given(...collaboratingCase())
      .when(
        requestCollaboration(
          { taskId: 'task-2', parentTaskId: 'task-1', to: networkOps },
          { actor: { id: 'billing-clerk', kind: 'user' } },
        ),
      )
      .then(
        taskOpened(
          { taskId: 'task-2', parentTaskId: 'task-1', to: networkOps },
          { from: { kind: 'UNIT', id: 'billing-dept' }, actor: { id: 'billing-clerk', kind: 'user' } },
        ),
      );
  });

  it('is refused for a parent task that is not open', () =>
    expect(
      refusalOf(collaboratingCase(), requestCollaboration({ taskId: 'task-2', parentTaskId: 'task-9' })),
    ).toMatchObject({
      state: 'collaborating',
      message: expect.stringContaining('task task-9 is not open'),
    }));

  it('is refused before work has started', () =>
    spec
      .given(...assignedCase())
      .when(requestCollaboration())
      .thenThrows(IllegalTransition));

  it('names every invalid field of the request', () => {
    const refusal = refusalOf(
      caseInProgress(),
      requestCollaboration({
        to: { kind: 'UNIT', id: 'complaints', region: 'GD' },
        reason: '',
        sla: { calendarId: 'cn-standard', acceptWithinBusinessMinutes: 0, completeWithinBusinessMinutes: 60 },
        acceptDueAt: iso(-1),
        completeDueAt: 'tomorrow',
      }),
    );
    expect(refusal).toBeInstanceOf(ValidationFailed);
    expect((refusal as ValidationFailed).errors.map((error) => error.field)).toEqual([
      'request.to.id',
      'request.reason',
      'request.sla.acceptWithinBusinessMinutes',
      'request.completeDueAt',
      'request.acceptDueAt',
    ]);
  });

  it('refuses a request that is due already', () =>
    expect(refusalOf(caseInProgress(), requestCollaboration({ acceptDueAt: iso(-1) }), at(0))).toMatchObject({
      errors: [{ field: 'request.acceptDueAt', message: 'must not be in the past' }],
    }));

  it('refuses due times in the wrong order', () =>
    expect(
      refusalOf(caseInProgress(), requestCollaboration({ acceptDueAt: iso(120), completeDueAt: iso(60) })),
    ).toMatchObject({
      errors: [{ field: 'request.completeDueAt' }],
    }));

  it('refuses a task id that is already open', () =>
    expect(refusalOf(collaboratingCase(), requestCollaboration())).toMatchObject({
      errors: [{ field: 'request.taskId' }],
    }));

  it('never reuses the id of a task that has ended: its stream exists', () =>
    expect(refusalOf([...collaboratingCase(), taskClosed()], requestCollaboration())).toMatchObject({
      errors: [{ field: 'request.taskId', message: 'task task-1 was already opened on this case' }],
    }));
});

describe('recording how a collaboration task ended', () => {
  it('closes a completed task, and the case is worked again by its owner', () => {
    spec
      .given(...collaboratingCase())
      .when(recordOutcome())
      .then(taskClosed());
    spec
      .given(...collaboratingCase(), taskClosed())
      .when(resolveCase())
      .then(caseResolved());
  });

  it('keeps the case collaborating while another task is still open', () =>
    expect(
      refusalOf([...collaboratingCase(), taskOpened({ taskId: 'task-2' }), taskClosed()], resolveCase()),
    ).toMatchObject({
      state: 'collaborating',
      message: expect.stringContaining('task-2'),
    }));

  it('records a return (退单) with its reason code', () =>
    spec
      .given(...collaboratingCase())
      .when(recordOutcome({ outcome: 'RETURNED', reason: 'WRONG_UNIT' }))
      .then(taskClosed({ outcome: 'RETURNED', reason: 'WRONG_UNIT' })));

  it('needs a reason for a return or a withdrawal', () =>
    expect(
      refusalOf(collaboratingCase(), recordOutcome({ outcome: 'WITHDRAWN', reason: null })),
    ).toMatchObject({ errors: [{ field: 'reason' }] }));

  it('is refused for a task that is not open on the case', () =>
    expect(refusalOf(collaboratingCase(), recordOutcome({ taskId: 'task-7' }))).toMatchObject({
      message: expect.stringContaining('task task-7 is not open'),
    }));
});

describe('a task bouncing between the same two units (ping-pong)', () => {
  const requested = (taskId: string) => taskOpened({ taskId }, { openedAt: iso() });
  const returned = (taskId: string) => taskClosed({ taskId, outcome: 'RETURNED', reason: 'OUT_OF_SCOPE' });
  const supervisors = { complaints: 'sup-wang', 'billing-dept': 'sup-chen' };
  // complaints → billing, billing ↩ complaints (1), complaints → billing (2), billing ↩ complaints (3 > 2)
  const history = [...caseInProgress(), requested('task-1'), returned('task-1'), requested('task-2')];

  it('raises PingPongDetected with both supervisors when the return goes over the threshold', () =>
    specAt(T0)
      .given(...history)
      .when(recordOutcome({ taskId: 'task-2', outcome: 'RETURNED', reason: 'OUT_OF_SCOPE', supervisors }))
      .then(returned('task-2'), pingPongDetected()));

  it('does not count completed tasks as bounces', () =>
    spec
      .given(...caseInProgress(), requested('task-1'), taskClosed(), requested('task-2'))
      .when(recordOutcome({ taskId: 'task-2', supervisors }))
      .then(taskClosed({ taskId: 'task-2' })));

  it('counts a renewed request after a return as a bounce too', () =>
    spec
      .given(...history, returned('task-2'), pingPongDetected(), requested('task-3'), returned('task-3'))
      .when(requestCollaboration({ taskId: 'task-4' }, { actor: owner, supervisors }))
      .then(taskOpened({ taskId: 'task-4' })));
});

describe('whom a unit may ask', () => {
  const gdPartner = { kind: 'PARTNER', id: 'reseller-a', region: 'GD' } as const;
  const bjPartner = { kind: 'PARTNER', id: 'reseller-bj', region: 'BJ' } as const;
  const frontLine = { askingUnitId: 'front-line', targetRegions: ['CN'] };

  it('not the asking unit itself, whose queue the case sits in', () =>
    expect(
      refusalOf(
        caseInProgress(),
        requestCollaboration({ to: { kind: 'UNIT', id: 'front-line', region: 'CN' } }, { sides: frontLine }),
      ),
    ).toMatchObject({ errors: [{ field: 'to.id', message: 'must be another unit than front-line, which asks' }] }));

  it('a partner serving the case’s region, or a region above it', () =>
    spec
      .given(...caseInProgress())
      .when(requestCollaboration({ to: gdPartner }, { sides: { askingUnitId: 'front-line', targetRegions: ['GX', 'GD'] } }))
      .then(taskOpened({ to: gdPartner })));

  it('not a partner serving other regions, naming them', () => {
    const refusal = refusalOf(
      caseInProgress(),
      requestCollaboration({ to: bjPartner }, { sides: { askingUnitId: 'front-line', targetRegions: ['BJ'] } }),
    );
    expect(refusal).toBeInstanceOf(ValidationFailed);
    expect(refusal).toMatchObject({
      errors: [{ field: 'to.id', message: expect.stringContaining("serves BJ, not the case's region GD-SZ") }],
    });
  });

  it('a partner serving other regions when the caller overrides it with a reason, which is recorded', () =>
    spec
      .given(...caseInProgress())
      .when(
        requestCollaboration(
          { to: bjPartner },
          { sides: { askingUnitId: 'front-line', targetRegions: ['BJ'] }, regionOverride: { reason: ' 客户在北京出差 ' } },
        ),
      )
      .then(taskOpened({ to: bjPartner }, { regionOverride: { caseRegion: 'GD-SZ', reason: '客户在北京出差' } })));

  it('a unit of another region: units are not bound to regions', () =>
    spec
      .given(...caseInProgress())
      .when(
        requestCollaboration(
          { to: { kind: 'UNIT', id: 'billing-bj', region: 'BJ' } },
          { sides: { askingUnitId: 'front-line', targetRegions: ['BJ'] } },
        ),
      )
      .then(taskOpened({ to: { kind: 'UNIT', id: 'billing-bj', region: 'BJ' } })));
});
