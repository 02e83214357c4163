import { Forbidden, IllegalTransition, ValidationFailed } from '@collab/domain-kernel';
import { DEFAULT_CASE_POLICY } from './case-policy';
import {
  at,
  autoCloseCase,
  autoCloseTimer,
  caseAssignedToAgent,
  caseCancelled,
  caseClosed,
  caseInProgress,
  caseReassigned,
  caseReopened,
  caseResolved,
  caseWorkStarted,
  cancelCase,
  closedCase,
  collaboratingCase,
  confirmResolution,
  feedbackRecorded,
  iso,
  queuedCase,
  recordFeedback,
  refusalOf,
  reopenCase,
  resolveCase,
  resolvedCase,
  specAt,
  startWork,
  supervisor,
  taskOpened,
} from './case.fixtures';

const spec = specAt();
const quietPeriod = DEFAULT_CASE_POLICY.autoCloseAfterMinutes;
const reopenWindow = DEFAULT_CASE_POLICY.reopenWithinMinutes;

describe('resolving the case', () => {
  it('records the resolution code and the knowledge articles used', () =>
    spec
      .given(...caseInProgress())
      .when(resolveCase())
      .then(caseResolved()));

  it('is refused while collaboration tasks are open, naming them', () =>
    expect(
      refusalOf([...collaboratingCase(), taskOpened({ taskId: 'task-2' })], resolveCase()),
    ).toMatchObject({
      state: 'collaborating',
      message: expect.stringContaining('task-1, task-2 are still open'),
    }));

  it('names a missing code and a blank or repeated article', () =>
    expect(
      refusalOf(
        caseInProgress(),
        resolveCase({ resolutionCode: '', knowledgeArticleIds: ['kb-1', '', 'kb-1'] }),
      ),
    ).toMatchObject({
      errors: [
        { field: 'resolutionCode' },
        { field: 'knowledgeArticleIds[1]' },
        { field: 'knowledgeArticleIds[2]' },
      ],
    }));
});

describe('closing with the requester', () => {
  it('closes when the requester confirms', () =>
    spec
      .given(...resolvedCase())
      .when(confirmResolution())
      .then(caseClosed()));

  it('closes by itself once the quiet period has passed', () =>
    specAt(at(quietPeriod))
      .given(...resolvedCase())
      .when(autoCloseCase())
      .then(
        caseClosed({ closure: 'QUIET_PERIOD_ELAPSED', actor: autoCloseTimer, closedAt: iso(quietPeriod) }),
      ));

  it('does not close by itself during the quiet period, saying when it ends', () =>
    expect(refusalOf(resolvedCase(), autoCloseCase(), at(quietPeriod - 1))).toMatchObject({
      state: 'resolved',
      message: expect.stringContaining(`lasts until ${iso(quietPeriod)}`),
    }));

  it('follows the configured quiet period', () =>
    specAt(at(60), { ...DEFAULT_CASE_POLICY, autoCloseAfterMinutes: 60 })
      .given(...resolvedCase())
      .when(autoCloseCase())
      .then(caseClosed({ closure: 'QUIET_PERIOD_ELAPSED', actor: autoCloseTimer, closedAt: iso(60) })));

  it('happens once', () =>
    spec
      .given(...closedCase())
      .when(confirmResolution())
      .thenThrows(IllegalTransition));
});

describe('feedback (CSAT 1–5 with a comment)', () => {
  it.each([
    ['resolved', resolvedCase()],
    ['closed', closedCase()],
  ])('is taken on a %s case', (_status, history) =>
    spec
      .given(...history)
      .when(recordFeedback())
      .then(feedbackRecorded()),
  );

  it('is taken once per resolution', () =>
    expect(refusalOf([...closedCase(), feedbackRecorded()], recordFeedback())).toMatchObject({
      state: 'closed',
      message: expect.stringContaining('already recorded'),
    }));

  it('may be given again on a new resolution after a reopen', () =>
    spec
      .given(...resolvedCase(), feedbackRecorded(), caseReopened(), caseWorkStarted(), caseResolved())
      .when(recordFeedback({ csat: 2 }))
      .then(feedbackRecorded({ csat: 2 })));

  it.each([0, 6, 3.5, Number.NaN])('refuses a CSAT of %s', (csat) =>
    expect(refusalOf(resolvedCase(), recordFeedback({ csat }))).toMatchObject({
      errors: [{ field: 'csat' }],
    }),
  );

  it('is refused before resolution', () =>
    spec
      .given(...caseInProgress())
      .when(recordFeedback())
      .thenThrows(IllegalTransition));
});

describe('reopening', () => {
  it('sends a resolved case back to its owner, who starts again', () => {
    spec
      .given(...resolvedCase())
      .when(reopenCase())
      .then(caseReopened());
    spec
      .given(...resolvedCase(), caseReopened())
      .when(startWork())
      .then(caseWorkStarted());
  });

  it('returns the case to the owner at the time of resolution', () =>
    spec
      .given(...caseInProgress(), caseReassigned(), caseResolved())
      .when(reopenCase())
      .then(caseReopened({ agentId: 'agent-zhao' })));

  it('is allowed on a closed case until the window ends', () =>
    specAt(at(reopenWindow))
      .given(...closedCase())
      .when(reopenCase())
      .then(caseReopened({ reopenedAt: iso(reopenWindow) })));

  it('is refused after the window, saying when it ended', () =>
    expect(refusalOf(closedCase(), reopenCase(), at(reopenWindow + 1))).toMatchObject({
      state: 'closed',
      message: expect.stringContaining(`the reopen window ended at ${iso(reopenWindow)}`),
    }));

  it('needs a reason', () =>
    expect(refusalOf(closedCase(), reopenCase({ reason: '' }))).toBeInstanceOf(ValidationFailed));
});

describe('cancelling', () => {
  it('ends an open case with the reason', () =>
    spec
      .given(...queuedCase())
      .when(cancelCase())
      .then(caseCancelled()));

  it('lists the open tasks a process manager must withdraw', () =>
    spec
      .given(...collaboratingCase(), taskOpened({ taskId: 'task-2' }))
      .when(cancelCase({ actor: supervisor }))
      .then(caseCancelled({ openTaskIds: ['task-1', 'task-2'], actor: supervisor })));

  it('is refused once the case is resolved: reopen it instead', () =>
    spec
      .given(...resolvedCase())
      .when(cancelCase())
      .thenThrows(IllegalTransition));

  it('leaves nothing to do on a cancelled case', () =>
    spec
      .given(...queuedCase(), caseCancelled())
      .when(startWork())
      .thenThrows(IllegalTransition));

  it('keeps the owner check: another agent cannot start a reopened case', () =>
    spec
      .given(...queuedCase(), caseAssignedToAgent(), caseWorkStarted(), caseResolved(), caseReopened())
      .when(startWork({ actor: supervisor }))
      .thenThrows(Forbidden));
});
