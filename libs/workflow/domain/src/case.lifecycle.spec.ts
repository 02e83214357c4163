import { IllegalTransition, fold } from '@collab/domain-kernel';
import type { WorkflowCaseCommand } from './case.commands';
import { workflowCaseDecider } from './case.decider';
import type { WorkflowCaseEvent } from './case.events';
import { DEFAULT_CASE_POLICY } from './case-policy';
import type { CaseStatus } from './case.state';
import {
  T0,
  assignCase,
  at,
  autoCloseCase,
  cancelCase,
  confirmResolution,
  reassignCase,
  recordFeedback,
  recordOutcome,
  registerAndRoute,
  reopenCase,
  requestCollaboration,
  resolveCase,
  startWork,
  transferCase,
} from './case.fixtures';
import { registerAndRouteOnProcess } from './case-process.fixtures';

/*
 * The lifecycle table: every command in every state. Each state is reached by playing real
 * commands through the decider (given-events), never by building a state object.
 */

const play = (...commands: WorkflowCaseCommand[]): WorkflowCaseEvent[] =>
  commands.reduce<WorkflowCaseEvent[]>(
    (history, command) => [
      ...history,
      ...workflowCaseDecider.decide(command, fold(workflowCaseDecider, history), { now: T0 }),
    ],
    [],
  );

const routed = [registerAndRoute()];
const assigned = [...routed, assignCase()];
const working = [...assigned, startWork()];
const resolved = [...working, resolveCase()];

/** A Record, so a status without a history does not compile. */
const HISTORIES: Readonly<Record<CaseStatus, readonly WorkflowCaseEvent[]>> = {
  none: [],
  // RegisterAndRouteCase appends both events at once; CaseRegistered alone is a hand-written stream.
  registered: play(...routed).slice(0, 1),
  queued: play(...routed),
  assigned: play(...assigned),
  'in-progress': play(...working),
  collaborating: play(...working, requestCollaboration()),
  resolved: play(...resolved),
  closed: play(...resolved, confirmResolution()),
  cancelled: play(...routed, cancelCase()),
};

/** Each command, valid in itself; decided at the end of the quiet period, inside the reopen window. */
const COMMANDS: Readonly<Record<WorkflowCaseCommand['type'], WorkflowCaseCommand>> = {
  RegisterAndRouteCase: registerAndRoute(),
  AssignCase: assignCase(),
  ReassignCase: reassignCase(),
  TransferCase: transferCase(),
  StartWork: startWork(),
  RequestCollaboration: requestCollaboration({ taskId: 'task-2' }),
  RecordCollaborationOutcome: recordOutcome({ taskId: 'task-1' }),
  ResolveCase: resolveCase(),
  ConfirmResolution: confirmResolution(),
  AutoCloseCase: autoCloseCase(),
  RecordFeedback: recordFeedback(),
  ReopenCase: reopenCase(),
  CancelCase: cancelCase(),
};
const now = at(DEFAULT_CASE_POLICY.autoCloseAfterMinutes);

const __ = null; // refused with IllegalTransition
type Next = CaseStatus | null;
const COLUMNS = [
  'none',
  'registered',
  'queued',
  'assigned',
  'in-progress',
  'collaborating',
  'resolved',
  'closed',
  'cancelled',
] as const;
type Row = readonly [Next, Next, Next, Next, Next, Next, Next, Next, Next];

/** command: [the events it decides when allowed, the status after it in each column]. */
// prettier-ignore
const TABLE: Readonly<Record<WorkflowCaseCommand['type'], readonly [readonly WorkflowCaseEvent['type'][], Row]>> = {
  //                                                          none      registered    queued       assigned       in-progress      collaborating    resolved    closed      cancelled
  RegisterAndRouteCase: [['CaseRegistered', 'CaseQueued'], ['queued', __,           __,          __,            __,              __,              __,         __,         __]],
  AssignCase: [['CaseAssignedToAgent'],                      [__,       __,           'assigned',  __,            __,              __,              __,         __,         __]],
  ReassignCase: [['CaseReassigned'],                         [__,       __,           __,          'assigned',    'in-progress',   'collaborating', __,         __,         __]],
  TransferCase: [['CaseTransferred'],                        [__,       __,           'queued',    'queued',      'queued',        __,              __,         __,         __]],
  StartWork: [['CaseWorkStarted'],                           [__,       __,           __,          'in-progress', __,              __,              __,         __,         __]],
  RequestCollaboration: [['CollaborationTaskOpened'],        [__,       __,           __,          __,            'collaborating', 'collaborating', __,         __,         __]],
  RecordCollaborationOutcome: [['CollaborationTaskClosed'],  [__,       __,           __,          __,            __,              'in-progress',   __,         __,         __]],
  ResolveCase: [['CaseResolved'],                            [__,       __,           __,          __,            'resolved',      __,              __,         __,         __]],
  ConfirmResolution: [['CaseClosed'],                        [__,       __,           __,          __,            __,              __,              'closed',   __,         __]],
  AutoCloseCase: [['CaseClosed'],                            [__,       __,           __,          __,            __,              __,              'closed',   __,         __]],
  RecordFeedback: [['FeedbackRecorded'],                     [__,       __,           __,          __,            __,              __,              'resolved', 'closed',   __]],
  ReopenCase: [['CaseReopened'],                             [__,       __,           __,          __,            __,              __,              'assigned', 'assigned', __]],
  CancelCase: [['CaseCancelled'],                            [__,       __,           'cancelled', 'cancelled',   'cancelled',     'cancelled',     __,         __,         __]],
};

const cells = Object.entries(TABLE).flatMap(([command, [emits, row]]) =>
  COLUMNS.map((status, column) => ({
    command: command as WorkflowCaseCommand['type'],
    status,
    emits,
    next: row[column] ?? null,
  })),
);

describe('the case lifecycle table', () => {
  it('has a column for every status, each reached by its history', () => {
    expect([...COLUMNS].sort()).toEqual(Object.keys(HISTORIES).sort());
    for (const status of COLUMNS) expect(fold(workflowCaseDecider, HISTORIES[status]).status).toBe(status);
  });

  it.each(
    cells.filter((cell) => cell.next !== null).map((cell) => [cell.command, cell.status, cell.next, cell]),
  )('%s while %s → %s', (_command, _status, _next, { command, status, emits, next }) => {
    const history = HISTORIES[status];
    const events = workflowCaseDecider.decide(COMMANDS[command], fold(workflowCaseDecider, history), { now });
    expect(events.map((event) => event.type)).toEqual(emits);
    expect(fold(workflowCaseDecider, [...history, ...events]).status).toBe(next);
  });

  it.each(cells.filter((cell) => cell.next === null).map((cell) => [cell.command, cell.status]))(
    '%s while %s is refused, naming the state and why',
    (command, status) => {
      const decide = () =>
        workflowCaseDecider.decide(COMMANDS[command], fold(workflowCaseDecider, HISTORIES[status]), { now });
      expect(decide).toThrow(IllegalTransition);
      expect(decide).toThrow(new RegExp(`^${command} is not allowed while the case is ${status}: \\S`));
      try {
        decide();
      } catch (error) {
        expect(error).toMatchObject({ command, state: status });
      }
    },
  );
});

describe('the lifecycle table, RegisterAndRouteCase on a process version', () => {
  const onProcess = registerAndRouteOnProcess();

  it('none → queued, with CaseProcessStarted after CaseRegistered and CaseQueued', () => {
    const events = workflowCaseDecider.decide(onProcess, fold(workflowCaseDecider, []), { now });
    expect(events.map((event) => event.type)).toEqual([
      'CaseRegistered',
      'CaseQueued',
      'CaseProcessStarted',
    ]);
    expect(fold(workflowCaseDecider, events).status).toBe('queued');
  });

  it.each(COLUMNS.filter((status) => status !== 'none'))(
    'while %s is refused, naming the state',
    (status) => {
      const decide = () =>
        workflowCaseDecider.decide(onProcess, fold(workflowCaseDecider, HISTORIES[status]), { now });
      expect(decide).toThrow(IllegalTransition);
      expect(decide).toThrow(
        new RegExp(`^RegisterAndRouteCase is not allowed while the case is ${status}: \\S`),
      );
    },
  );
});
