import type { EntityManager } from 'typeorm';
import type { ServiceName } from '@collab/contracts';
import type { RecordedEvent } from '@collab/event-store';
import type { ProjectionSpec, ReactorSpec, RebuildPass } from '@collab/following';

/**
 * A read model fed from a service's own log (DESIGN §3, STYLE §4½). Declare the event types it
 * handles; the runtime reads the log once per process, applies each batch to every projection of the
 * service in one transaction with their checkpoints, on the one replica holding the service's
 * projection lease. `apply` must give the same rows when a batch is applied twice.
 */
export abstract class Projection implements ProjectionSpec<EntityManager> {
  /** Its checkpoint row; a new name rebuilds it from the start. */
  abstract readonly name: string;
  /** The service whose log it follows (and whose schema holds its checkpoint). */
  abstract readonly log: ServiceName;
  abstract readonly handles: readonly string[];
  /**
   * The tables it alone writes (`schema.table`): what `npm run rebuild` builds afresh in shadow
   * tables and swaps in (docs/adr/0011). Tables it only reads are not listed.
   */
  abstract readonly tables: readonly string[];
  /** Why it cannot be rebuilt, if it cannot (its tables hold more than the fold of its events). */
  readonly notRebuildable?: string;
  abstract apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void>;
  /** A rebuild's faster pass over the history, if it has one (ProjectionSpec.rebuilding). */
  rebuilding?(): RebuildPass<EntityManager>;
}

/**
 * A process manager over a service's own log: reacts to each event it handles, at least once, on
 * the one replica holding its lease; checkpointed every 200 events or 250 ms. Reactions must be
 * idempotent (deterministic event ids, deciders that refuse what was done already).
 */
export abstract class LogReactor implements ReactorSpec {
  /** Its lease and checkpoint name. */
  abstract readonly name: string;
  abstract readonly log: ServiceName;
  abstract readonly handles: readonly string[] | 'all';
  abstract react(event: RecordedEvent, signal: AbortSignal): Promise<void>;
}
