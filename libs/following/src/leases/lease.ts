/**
 * One owner per follower (DESIGN §3): a projection group, a process manager, a timer dispatcher or a
 * relay runs in exactly one replica at a time, the one holding its lease. A lease carries a fencing
 * token that grows every time the lease changes hands; every checkpoint write checks it, so a
 * replica that lost its lease (paused, cut off) can no longer move a checkpoint or commit a batch.
 */
export interface LeaseTerm {
  /** The follower's name, e.g. `projections:workflow` or `relay:intake`. */
  readonly name: string;
  /** The schema holding the lease and the follower's checkpoints. */
  readonly home: string;
  readonly owner: string;
  /** The fencing token of this term (a bigint, kept as text for SQL parameters). */
  readonly token: string;
  /** Aborts when this term ends: the lease was lost, released, or the leases stopped. */
  readonly lost: AbortSignal;
}

export interface Leases {
  /** This process's id in lease rows. */
  readonly owner: string;
  /** Resolves once this process holds the lease; rejects when `signal` aborts first. */
  acquire(home: string, name: string, signal: AbortSignal): Promise<LeaseTerm>;
  /** Gives the lease back so another replica takes it at its next look, not after it expires. */
  release(term: LeaseTerm): Promise<void>;
  /** Which leases this process wants, and whether it holds them now. */
  status(): readonly LeaseStatus[];
  /** Releases every lease and stops renewing. */
  stop(): Promise<void>;
}

export interface LeaseStatus {
  readonly name: string;
  readonly home: string;
  readonly held: boolean;
}
