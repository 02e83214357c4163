import type { ActorRef } from '../actor';
import type { PublishedProcess } from './process-definition';

/**
 * A new version of a process was published. It carries the whole version, so a reader (the
 * catalogue, a case pinned to it, an analyst) never merges versions to know what one said.
 * `reason` is the administrator's note on why, null when none was given.
 */
export interface ProcessVersionPublished {
  readonly type: 'ProcessVersionPublished';
  readonly data: {
    readonly process: PublishedProcess;
    readonly actor: ActorRef;
    readonly reason: string | null;
  };
}

/** New cases no longer start on the process; cases that started on it keep their version. */
export interface ProcessRetired {
  readonly type: 'ProcessRetired';
  readonly data: {
    readonly processId: string;
    /** The last version, the one retired. */
    readonly version: number;
    readonly actor: ActorRef;
    readonly reason: string;
    readonly retiredAt: string;
  };
}

export type ProcessEvent = ProcessVersionPublished | ProcessRetired;
