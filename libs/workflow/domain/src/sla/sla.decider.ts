import { assertNever, type DecisionContext, type Decider } from '@collab/domain-kernel';
import type { EscalateSla, SlaCommand, SlaTimerCommand, StopSlaClocks } from './sla.commands';
import type { SlaClockStopped, SlaEscalated, SlaEvent } from './sla.events';
import { restartResolutionClock, startAutoCloseClock, startCaseClocks, startTaskClocks } from './sla-clock-starts';
import { timerStanding, type SlaTimerKind, type TimerRef } from './sla-timers';
import { evolveSla, initialSlaState, isRunning, runningClocks, type SlaClock, type SlaState } from './sla.state';

/** Which running clocks a stop applies to: only runs that started no later than the fact that stops them. */
const clocksToStop = (command: StopSlaClocks, state: SlaState): SlaClock[] => {
  const candidates =
    command.clockKeys === 'EVERY_RUNNING_CLOCK'
      ? runningClocks(state)
      : command.clockKeys.map((key) => state.clocks[key]).filter((clock) => isRunning(clock));
  return candidates.filter((clock) => Date.parse(clock.startedAt) <= Date.parse(command.at));
};

const stop = (command: StopSlaClocks, state: SlaState): SlaClockStopped[] =>
  clocksToStop(command, state).map((clock) => ({
    type: 'SlaClockStopped',
    data: {
      caseId: command.caseId,
      clockKey: clock.key,
      taskId: clock.taskId,
      reason: command.reason,
      dueAt: clock.dueAt,
      met: Date.parse(command.at) <= Date.parse(clock.dueAt),
      stoppedAt: new Date(command.at).toISOString(),
    },
  }));

/** The clock of a due timer, or null when the timer has nothing (more) to record. */
const dueClock = (timer: TimerRef, state: SlaState, now: Date): SlaClock | null => {
  if (timerStanding(state, timer, now) !== 'due') return null;
  return state.clocks[timer.clockKey] ?? null;
};

const escalated = (command: EscalateSla, clock: SlaClock, now: Date): SlaEscalated[] => {
  const escalation = clock.escalations.find((scheduled) => scheduled.level === command.level);
  if (!escalation) return [];
  const data = {
    caseId: command.caseId,
    clockKey: clock.key,
    taskId: clock.taskId,
    level: command.level,
    notify: escalation.notify,
    clockHolder: command.clockHolder,
    supervisorUnit: command.supervisorUnit,
    supervisorId: command.supervisorId,
    dueAt: clock.dueAt,
    escalatedAt: now.toISOString(),
  };
  return [{ type: 'SlaEscalated', data }];
};

const KIND_OF: Readonly<Record<SlaTimerCommand['type'], SlaTimerKind>> = {
  RecordSlaWarning: 'WARN',
  RecordSlaBreach: 'BREACH',
  EscalateSla: 'ESCALATE',
};

const fire = (command: SlaTimerCommand, state: SlaState, now: Date): SlaEvent[] => {
  const kind = KIND_OF[command.type];
  const level = command.type === 'EscalateSla' ? command.level : 0;
  const clock = dueClock({ caseId: command.caseId, clockKey: command.clockKey, startedAt: command.startedAt, kind, level }, state, now);
  if (!clock) return [];
  const common = { caseId: command.caseId, clockKey: clock.key, taskId: clock.taskId, dueAt: clock.dueAt };
  switch (command.type) {
    case 'RecordSlaWarning':
      return [{ type: 'SlaWarning', data: { ...common, percent: clock.warnAtPercent ?? 100, warnedAt: now.toISOString() } }];
    case 'RecordSlaBreach':
      return [{ type: 'SlaBreached', data: { ...common, breachedAt: now.toISOString() } }];
    case 'EscalateSla':
      return escalated(command, clock, now);
    default:
      return assertNever(command);
  }
};

const decide = (command: SlaCommand, state: SlaState, { now }: DecisionContext): SlaEvent[] => {
  switch (command.type) {
    case 'StartCaseClocks':
      return startCaseClocks(command, state);
    case 'StartTaskClocks':
      return startTaskClocks(command, state);
    case 'RestartResolutionClock':
      return restartResolutionClock(command, state);
    case 'StartAutoCloseClock':
      return startAutoCloseClock(command, state);
    case 'StopSlaClocks':
      return stop(command, state);
    case 'RecordSlaWarning':
    case 'RecordSlaBreach':
    case 'EscalateSla':
      return fire(command, state, now);
    default:
      return assertNever(command);
  }
};

/**
 * The SLA clocks of one case and its tasks (stream `sla-<caseId>`). Every command is safe to
 * repeat: a start already made, a stop already recorded, a timer already fired, a timer of a
 * stopped clock — each decides nothing. That is what makes a durable timer fire exactly once.
 */
export const slaDecider: Decider<SlaCommand, SlaEvent, SlaState, DecisionContext> = {
  initialState: initialSlaState,
  evolve: evolveSla,
  decide,
};
