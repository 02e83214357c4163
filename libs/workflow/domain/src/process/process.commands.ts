import type { ActorRef } from '../actor';
import type { ProcessDefinition } from './process-definition';

/** Publish a new process (version 1) or the next version of one. */
export interface PublishProcessVersion {
  readonly type: 'PublishProcessVersion';
  readonly definition: ProcessDefinition;
  /**
   * The latest version the administrator's edit was based on, 0 for a new process: refused with
   * Conflict when another version was published meanwhile, so no edit silently drops another.
   */
  readonly expectedVersion: number;
  readonly actor: ActorRef;
  readonly reason: string | null;
}

export interface RetireProcess {
  readonly type: 'RetireProcess';
  readonly processId: string;
  readonly actor: ActorRef;
  readonly reason: string;
}

export type ProcessCommand = PublishProcessVersion | RetireProcess;
