import { IllegalTransition, ValidationFailed, fold } from '@collab/domain-kernel';
import { workflowCaseDecider } from './case.decider';
import {
  T0,
  assignCase,
  caseQueued,
  caseRegistered,
  refusalOf,
  registerAndRoute,
  reopenCase,
  resolveCase,
  specAt,
  startWork,
  transferCase,
} from './case.fixtures';
import type { WorkflowCaseCommand } from './case.commands';
import type { WorkflowCaseEvent } from './case.events';
import {
  billingProcess,
  caseProcessStarted,
  processStart,
  registerAndRouteOnProcess,
} from './case-process.fixtures';

const spec = specAt();

const play = (...commands: WorkflowCaseCommand[]): WorkflowCaseEvent[] =>
  commands.reduce<WorkflowCaseEvent[]>(
    (history, command) => [
      ...history,
      ...workflowCaseDecider.decide(command, fold(workflowCaseDecider, history), { now: T0 }),
    ],
    [],
  );

describe('starting a case on a process version', () => {
  it('routes by the version’s fallback and records the version third, with its front-line stage, SLA, escalation and due times', () =>
    spec
      .given()
      .when(registerAndRouteOnProcess())
      .then(caseRegistered(), caseQueued('billing-desk', 'billing-fallback'), caseProcessStarted()));

  it('routes by the version’s rules, the customer’s tier included', () =>
    spec
      .given()
      .when({ ...registerAndRouteOnProcess(), customerTier: 'VIP' })
      .then(caseRegistered({}, 'VIP'), caseQueued('vip-care', 'vip'), caseProcessStarted()));

  it('looks only at the version’s rules, not at rules the command also carries', () =>
    spec
      .given()
      .when({ ...registerAndRouteOnProcess(), rules: [{ id: 'complaints', when: {}, queue: 'complaints' }] })
      .then(caseRegistered(), caseQueued('billing-desk', 'billing-fallback'), caseProcessStarted()));

  it('starts on the first FRONT_LINE stage, even when another stage is listed first', () => {
    const [, , started] = workflowCaseDecider.decide(
      registerAndRouteOnProcess(),
      { status: 'none' },
      { now: T0 },
    );
    expect(started).toMatchObject({
      type: 'CaseProcessStarted',
      data: { stageId: 'front', sla: { responseWithinBusinessMinutes: 60 } },
    });
  });

  it('refuses due times that are not instants, naming each', () => {
    const refusal = refusalOf([], {
      ...registerAndRoute(),
      process: { ...processStart(), responseDueAt: 'tomorrow', resolutionDueAt: '' },
    });
    expect(refusal).toBeInstanceOf(ValidationFailed);
    expect((refusal as ValidationFailed).errors.map((error) => error.field)).toEqual([
      'process.responseDueAt',
      'process.resolutionDueAt',
    ]);
  });

  it('refuses a version without a FRONT_LINE stage', () => {
    const partnerOnly = billingProcess({
      stages: billingProcess().stages.filter((stage) => stage.unitType !== 'FRONT_LINE'),
    });
    const refusal = refusalOf([], registerAndRouteOnProcess(processStart(partnerOnly)));
    expect((refusal as ValidationFailed).errors).toEqual([
      expect.objectContaining({ field: 'process.published.stages' }),
    ]);
  });

  it('is refused, like any registration, for a case already registered', () =>
    spec
      .given(caseRegistered(), caseQueued(), caseProcessStarted())
      .when(registerAndRouteOnProcess())
      .thenThrows(IllegalTransition));
});

describe('a case keeps its version', () => {
  const pinned = { processId: 'billing-complaints', processVersion: 2, stageId: 'front' };

  it('through ownership, work, a transfer, resolution and reopening', () => {
    const routed = [registerAndRouteOnProcess()];
    const steps: WorkflowCaseCommand[] = [
      assignCase({ queue: 'billing-desk' }),
      startWork(),
      resolveCase(),
      reopenCase(),
    ];
    for (let done = 0; done <= steps.length; done += 1) {
      const state = fold(workflowCaseDecider, play(...routed, ...steps.slice(0, done)));
      expect(state).toMatchObject({ process: pinned });
    }
    expect(
      fold(workflowCaseDecider, play(...routed, transferCase({ to: { queue: 'complaints' } }))),
    ).toMatchObject({ status: 'queued', process: pinned });
  });

  it('has none when it was routed without a process', () => {
    expect(fold(workflowCaseDecider, play(registerAndRoute()))).toMatchObject({
      status: 'queued',
      process: null,
    });
  });

  it('ignores a second CaseProcessStarted in a hand-written stream: the first version stays', () => {
    const state = fold(workflowCaseDecider, [
      caseRegistered(),
      caseQueued(),
      caseProcessStarted(),
      caseProcessStarted({ processVersion: 3 }),
    ]);
    expect(state).toMatchObject({ process: pinned });
  });
});
