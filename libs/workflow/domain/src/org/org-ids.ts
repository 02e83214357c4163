import { Conflict, type Decider, type DecisionContext } from '@collab/domain-kernel';
import type { OrgIdClaimed, OrgIdKind } from './org.events';

/**
 * What claiming an id for a new unit, queue or partner means, given who claimed it first:
 * - `claim`: nobody has it; claim it before defining the thing.
 * - `held`: already claimed for this kind (the thing exists, or an earlier attempt stopped
 *   between claiming and defining); the thing's own stream decides whether it exists.
 * - `shared`: a unit's own desk, a queue carrying the id of the unit that owns it (queue
 *   `billing` of department `billing`); no claim of its own.
 * - `taken`: something else has it.
 */
export type IdClaimVerdict = 'claim' | 'held' | 'shared' | 'taken';

export interface WantedId {
  readonly id: string;
  readonly kind: OrgIdKind;
  /** For a queue, the unit that will own it. */
  readonly ownerUnitId?: string;
}

export const idClaimVerdict = (claimedAs: OrgIdKind | undefined, wanted: WantedId): IdClaimVerdict => {
  if (claimedAs === undefined) return 'claim';
  if (claimedAs === wanted.kind) return 'held';
  if (claimedAs === 'UNIT' && wanted.kind === 'QUEUE' && wanted.ownerUnitId === wanted.id) return 'shared';
  return 'taken';
};

const KIND_WORDS: Readonly<Record<OrgIdKind, string>> = {
  UNIT: 'a unit',
  QUEUE: 'a queue',
  PARTNER: 'a partner',
};

export const takenMessage = (id: string, claimedAs: OrgIdKind): string =>
  `${id} is already ${KIND_WORDS[claimedAs]}; unit, queue and partner ids are unique across the directory`;

/** Take an id for a new unit, queue or partner before the thing itself is defined. */
export interface ClaimOrgId {
  readonly type: 'ClaimOrgId';
  readonly wanted: WantedId;
}

/** Who claimed the id first, if anyone (stream `org-id-<id>`). */
export interface OrgIdClaimState {
  readonly claimedAs?: OrgIdKind;
}

/**
 * The id's own stream, decided like any aggregate's: two administrators racing for one id across
 * kinds cannot both win, because the loser's append meets the winner's version and is decided again.
 */
export const orgIdClaimDecider: Decider<ClaimOrgId, OrgIdClaimed, OrgIdClaimState, DecisionContext> = {
  initialState: () => ({}),
  evolve: (state, event) => (state.claimedAs === undefined ? { claimedAs: event.data.kind } : state),
  decide: ({ wanted }, { claimedAs }, { now }) => {
    const verdict = idClaimVerdict(claimedAs, wanted);
    if (verdict === 'taken') throw new Conflict(takenMessage(wanted.id, claimedAs!));
    return verdict === 'claim' ? [{ type: 'OrgIdClaimed', data: { id: wanted.id, kind: wanted.kind, claimedAt: now.toISOString() } }] : [];
  },
};
