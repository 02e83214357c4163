import type { SlaClockReading, SlaClockStatus } from '../../sla/sla.providers';

/** Where an item stands against its most urgent running SLA clock. */
export interface WorkCountdown {
  /** `case:response`, `task:<id>:complete`, …; or `due` when only the promised due time is known. */
  readonly clockKey: string;
  readonly status: SlaClockStatus | 'DUE';
  readonly dueAt: string;
  /** Negative once overdue. */
  readonly secondsToDue: number;
  /** Share of the SLA already used, in wall-clock time (100 at the due time, more when late). */
  readonly percentUsed: number;
  readonly escalationLevel: number;
}

/** One case or collaboration task on the caller's desk. */
export interface WorkItem {
  readonly kind: 'CASE' | 'TASK';
  readonly id: string;
  readonly caseId: string;
  readonly caseNumber: string | null;
  /** Why it is the caller's: they own it, it waits in their unit's queue, or it is addressed to their unit or partner. */
  readonly why: 'OWNER' | 'UNIT_QUEUE' | 'ADDRESSED_TO_UNIT';
  readonly status: string;
  readonly title: string;
  readonly priority: string | null;
  readonly queueOrUnit: string;
  readonly since: string;
  /** Null when no clock runs (nothing is promised). */
  readonly countdown: WorkCountdown | null;
}

const percentUsed = (startedAt: string, dueAt: string, now: Date): number => {
  const span = Date.parse(dueAt) - Date.parse(startedAt);
  return span <= 0 ? 100 : Math.round(((now.getTime() - Date.parse(startedAt)) / span) * 100);
};

/** The running clock closest to its due time; stopped clocks say nothing about risk. */
export const mostUrgentClock = (clocks: readonly SlaClockReading[], now: Date): WorkCountdown | null => {
  const running = clocks.filter((clock) => clock.secondsToDue !== null && clock.clockKey !== 'case:auto-close');
  const urgent = running.sort((a, b) => a.secondsToDue! - b.secondsToDue!)[0];
  if (!urgent) return null;
  return {
    clockKey: urgent.clockKey,
    status: urgent.status,
    dueAt: urgent.dueAt,
    secondsToDue: urgent.secondsToDue!,
    percentUsed: percentUsed(urgent.startedAt, urgent.dueAt, now),
    escalationLevel: urgent.escalationLevel,
  };
};

/** A countdown from a promised due time alone, for work whose clocks have not been recorded. */
export const countdownToDue = (startedAt: Date, dueAt: Date | null, now: Date): WorkCountdown | null =>
  dueAt === null
    ? null
    : {
        clockKey: 'due',
        status: 'DUE',
        dueAt: dueAt.toISOString(),
        secondsToDue: Math.floor((dueAt.getTime() - now.getTime()) / 1000),
        percentUsed: percentUsed(startedAt.toISOString(), dueAt.toISOString(), now),
        escalationLevel: 0,
      };

/**
 * By SLA risk: the larger share of its SLA an item has used, the higher it comes (overdue first,
 * the most overdue at the top); items with no clock last, oldest first.
 */
export const bySlaRisk = (a: WorkItem, b: WorkItem): number => {
  if (a.countdown && b.countdown) return b.countdown.percentUsed - a.countdown.percentUsed || a.countdown.secondsToDue - b.countdown.secondsToDue;
  if (a.countdown || b.countdown) return a.countdown ? -1 : 1;
  return a.since.localeCompare(b.since);
};
