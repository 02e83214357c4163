import type { OrgIdKind } from './org.events';

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
