import type { ActorRef } from '../actor';
import type { SystemParameterName } from './system-parameters';

/** An administrator changed a system parameter; decisions made from `changedAt` on use the new value. */
export interface SystemParameterChanged {
  readonly type: 'SystemParameterChanged';
  readonly data: {
    readonly name: SystemParameterName;
    readonly value: number;
    readonly previous: number;
    readonly actor: ActorRef;
    readonly reason: string | null;
    readonly changedAt: string;
  };
}

export type SystemParameterEvent = SystemParameterChanged;

export interface ChangeSystemParameter {
  readonly type: 'ChangeSystemParameter';
  readonly name: SystemParameterName;
  readonly value: number;
  /** The parameter's version the administrator saw; another change meanwhile is a conflict to show them. */
  readonly expectedVersion: number;
  readonly actor: ActorRef;
  readonly reason: string | null;
}

export type SystemParameterCommand = ChangeSystemParameter;
