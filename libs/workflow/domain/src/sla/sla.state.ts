import { assertNever, type Party } from '@collab/domain-kernel';
import type { EscalationPolicy } from '../process/process-definition';
import type { ScheduledEscalation, SlaClockKey, SlaClockStarted, SlaEvent, SlaStopReason } from './sla.events';

/** One clock as the case's SLA stream knows it: the latest run of its key. */
export interface SlaClock {
  readonly key: SlaClockKey;
  readonly taskId: string | null;
  readonly clockHolder: Party | null;
  readonly calendarId: string | null;
  readonly targetMinutes: number;
  readonly startedAt: string;
  readonly dueAt: string;
  readonly warnAt: string | null;
  readonly warnAtPercent: number | null;
  readonly escalations: readonly ScheduledEscalation[];
  readonly warnedAt: string | null;
  readonly breachedAt: string | null;
  readonly escalatedLevels: readonly number[];
  readonly stopped: { readonly reason: SlaStopReason; readonly met: boolean; readonly at: string } | null;
}

export interface SlaState {
  /** The case's escalation policy, from its process; tasks and a restarted clock follow it too. */
  readonly caseEscalation: EscalationPolicy | null;
  readonly clocks: Readonly<Partial<Record<SlaClockKey, SlaClock>>>;
}

export const initialSlaState = (): SlaState => ({ caseEscalation: null, clocks: {} });

export const isRunning = (clock: SlaClock | undefined): clock is SlaClock => clock !== undefined && clock.stopped === null;

export const runningClocks = (state: SlaState): SlaClock[] =>
  Object.values(state.clocks).filter((clock): clock is SlaClock => isRunning(clock));

/** The policy a case clock started with, read back from its instants. */
const policyOf = (data: SlaClockStarted['data']): EscalationPolicy => ({
  warnAtPercent: data.warnAtPercent ?? 100,
  levels: data.escalations.map(({ level, atPercent, notify }) => ({ level, atPercent, notify })),
});

const started = (state: SlaState, { data }: SlaClockStarted): SlaState => {
  const clock: SlaClock = {
    key: data.clockKey,
    taskId: data.taskId,
    clockHolder: data.clockHolder,
    calendarId: data.calendarId,
    targetMinutes: data.targetMinutes,
    startedAt: data.startedAt,
    dueAt: data.dueAt,
    warnAt: data.warnAt,
    warnAtPercent: data.warnAtPercent,
    escalations: data.escalations,
    warnedAt: null,
    breachedAt: null,
    escalatedLevels: [],
    stopped: null,
  };
  const caseClock = data.clockKey === 'case:response' || data.clockKey === 'case:resolution';
  return {
    caseEscalation: caseClock && state.caseEscalation === null ? policyOf(data) : state.caseEscalation,
    clocks: { ...state.clocks, [data.clockKey]: clock },
  };
};

const changed = (state: SlaState, key: SlaClockKey, change: (clock: SlaClock) => SlaClock): SlaState => {
  const clock = state.clocks[key];
  return clock ? { ...state, clocks: { ...state.clocks, [key]: change(clock) } } : state;
};

export const evolveSla = (state: SlaState, event: SlaEvent): SlaState => {
  switch (event.type) {
    case 'SlaClockStarted':
      return started(state, event);
    case 'SlaWarning':
      return changed(state, event.data.clockKey, (clock) => ({ ...clock, warnedAt: event.data.warnedAt }));
    case 'SlaBreached':
      return changed(state, event.data.clockKey, (clock) => ({ ...clock, breachedAt: event.data.breachedAt }));
    case 'SlaEscalated':
      return changed(state, event.data.clockKey, (clock) => ({
        ...clock,
        escalatedLevels: [...clock.escalatedLevels, event.data.level],
      }));
    case 'SlaClockStopped': {
      const { reason, met, stoppedAt } = event.data;
      return changed(state, event.data.clockKey, (clock) => ({ ...clock, stopped: { reason, met, at: stoppedAt } }));
    }
    default:
      return assertNever(event);
  }
};
