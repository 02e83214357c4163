import type { ActorRef } from '../actor';

/** An administrator changed the escalation percentages; clocks started from `changedAt` on use them (none: each process's own). */
export interface EscalationPercentsChanged {
  readonly type: 'EscalationPercentsChanged';
  readonly data: {
    readonly percents: readonly number[];
    readonly previous: readonly number[];
    readonly actor: ActorRef;
    readonly reason: string | null;
    readonly changedAt: string;
  };
}

export type EscalationPercentsEvent = EscalationPercentsChanged;

export interface ChangeEscalationPercents {
  readonly type: 'ChangeEscalationPercents';
  readonly percents: readonly number[];
  /** The version the administrator saw; another change meanwhile is a conflict to show them. */
  readonly expectedVersion: number;
  readonly actor: ActorRef;
  readonly reason: string | null;
}
