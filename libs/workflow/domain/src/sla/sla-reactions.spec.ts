import {
  caseCancelled,
  caseClosed,
  caseReopened,
  caseResolved,
  caseWorkStarted,
  iso,
  taskOpened,
} from '../case.fixtures';
import type { CaseProcessStarted } from '../case.events';
import { taskAccepted, taskCompleted, taskNoteAdded, taskReturned, taskWithdrawn } from '../collaboration-task/task.fixtures';
import { escalationPolicyOf } from '../system-parameters/escalation-percents';
import { calendarNeededBy, slaCommandsFor, type SlaReactionContext, type SlaSourceEvent } from './sla-reactions';
import { caseClocksStarted, escalation, nineToFiveDesk, OPENED, stateOf } from './sla.fixtures';

const context: SlaReactionContext = {
  state: stateOf(caseClocksStarted()),
  calendar: nineToFiveDesk,
  caseFacts: { openedAt: OPENED, priority: 'URGENT' },
  quietMinutes: 4320,
  systemEscalation: null,
};

const processStarted: CaseProcessStarted = {
  type: 'CaseProcessStarted',
  data: {
    caseId: 'case-1',
    processId: 'default',
    processVersion: 3,
    stageId: 'front-line',
    sla: { calendarId: 'nine-to-five', responseWithinBusinessMinutes: 60, resolutionWithinBusinessMinutes: 480 },
    escalation,
    responseDueAt: iso(60),
    resolutionDueAt: iso(480),
    startedAt: iso(1),
  },
};

const commandsFor = (event: SlaSourceEvent) => slaCommandsFor(event, context);

describe('the clock keeper', () => {
  it('starts the case’s clocks from its opening on its process, with the calendar and the case’s priority', () =>
    expect(commandsFor(processStarted)).toEqual([
      {
        type: 'StartCaseClocks',
        caseId: 'case-1',
        openedAt: OPENED,
        sla: processStarted.data.sla,
        escalation,
        responseDueAt: iso(60),
        resolutionDueAt: iso(480),
        calendar: nineToFiveDesk,
        priority: 'URGENT',
      },
    ]));

  it('starts them from the routing when the case’s opening is not known', () =>
    expect(slaCommandsFor(processStarted, { ...context, caseFacts: null })).toMatchObject([{ openedAt: iso(1) }]));

  it('starts a task’s clocks on its own SLA, held by its target', () =>
    expect(commandsFor(taskOpened())).toMatchObject([
      { type: 'StartTaskClocks', caseId: 'case-1', taskId: 'task-1', clockHolder: { kind: 'UNIT', id: 'billing-dept' }, sla: { acceptWithinBusinessMinutes: 60 } },
    ]));

  it('starts a partner’s task clocks held by the partner, named as a partner (not a unit)', () =>
    expect(commandsFor(taskOpened({ to: { kind: 'PARTNER', id: 'reseller-a', region: 'GD-FS' } }))).toEqual([
      expect.objectContaining({ type: 'StartTaskClocks', clockHolder: { kind: 'PARTNER', id: 'reseller-a' } }),
    ]));

  describe('given escalation percentages set by an administrator (50, 80, 100)', () => {
    const system = escalationPolicyOf([50, 80, 100])!;
    const withPercents = (event: SlaSourceEvent) => slaCommandsFor(event, { ...context, systemEscalation: system });

    it('starts the case’s clocks on them instead of its process’s', () =>
      expect(withPercents(processStarted)).toMatchObject([{ type: 'StartCaseClocks', escalation: system }]));

    it('starts a task’s clocks on them', () =>
      expect(withPercents(taskOpened())).toMatchObject([{ type: 'StartTaskClocks', escalation: system }]));

    it('restarts a reopened case’s resolution clock on them', () =>
      expect(withPercents(caseReopened())).toMatchObject([{ type: 'StopSlaClocks' }, { type: 'RestartResolutionClock', escalation: system }]));

    it('leaves every clock its case’s policy while none are set', () => {
      expect(commandsFor(processStarted)).toMatchObject([{ escalation }]);
      expect(commandsFor(taskOpened())[0]).not.toHaveProperty('escalation');
    });
  });

  it.each<[string, SlaSourceEvent, object]>([
    ['work started', caseWorkStarted(), { clockKeys: ['case:response'], reason: 'WORK_STARTED' }],
    ['the task accepted', taskAccepted(), { clockKeys: ['task:task-1:accept'], reason: 'TASK_ACCEPTED' }],
    ['the task completed', taskCompleted(), { clockKeys: ['task:task-1:accept', 'task:task-1:complete'], reason: 'TASK_COMPLETED' }],
    ['the task returned', taskReturned(), { clockKeys: ['task:task-1:accept', 'task:task-1:complete'], reason: 'TASK_RETURNED' }],
    ['the task withdrawn', taskWithdrawn(), { clockKeys: ['task:task-1:accept', 'task:task-1:complete'], reason: 'TASK_WITHDRAWN' }],
    ['the case closed', caseClosed(), { clockKeys: ['case:auto-close'], reason: 'CLOSED' }],
    ['the case cancelled', caseCancelled(), { clockKeys: 'EVERY_RUNNING_CLOCK', reason: 'CANCELLED' }],
  ])('stops clocks when %s, at the time of the fact', (_fact, event, stop) =>
    expect(commandsFor(event)).toEqual([expect.objectContaining({ type: 'StopSlaClocks', caseId: 'case-1', ...stop })]));

  it('on a resolution stops the response and resolution clocks and starts the quiet period', () => {
    const resolved = caseResolved();
    expect(commandsFor(resolved)).toEqual([
      { type: 'StopSlaClocks', caseId: 'case-1', clockKeys: ['case:response', 'case:resolution'], reason: 'RESOLVED', at: resolved.data.resolvedAt },
      { type: 'StartAutoCloseClock', caseId: 'case-1', resolvedAt: resolved.data.resolvedAt, quietMinutes: 4320 },
    ]);
  });

  it('on a reopening stops the quiet period and restarts the resolution clock on its calendar', () => {
    const reopened = caseReopened();
    expect(commandsFor(reopened)).toEqual([
      { type: 'StopSlaClocks', caseId: 'case-1', clockKeys: ['case:auto-close'], reason: 'REOPENED', at: reopened.data.reopenedAt },
      { type: 'RestartResolutionClock', caseId: 'case-1', reopenedAt: reopened.data.reopenedAt, calendar: nineToFiveDesk, priority: 'URGENT' },
    ]);
  });

  it('ignores what changes no clock', () => expect(commandsFor(taskNoteAdded())).toEqual([]));

  it('asks for the calendar of the process, of the task, or of the resolution clock being restarted', () => {
    expect(calendarNeededBy(processStarted, context.state)).toBe('nine-to-five');
    expect(calendarNeededBy(taskOpened(), context.state)).toBe('cn-standard');
    expect(calendarNeededBy(caseReopened(), context.state)).toBe('nine-to-five');
    expect(calendarNeededBy(caseWorkStarted(), context.state)).toBeNull();
  });
});
