import { ValidationFailed } from '@collab/domain-kernel';
import type { CollaborationTarget } from './collaboration-request';

/**
 * What the org directory says about a request's two sides, looked up by whoever sends
 * RequestCollaboration (the deciders stay pure). Absent, the rules below have nothing to check.
 */
export interface CollaborationSides {
  /** The unit asking: the unit owning the case's queue, or the holder of the parent task. */
  readonly askingUnitId: string;
  /** The regions the target serves: a partner's list; a unit's own region. */
  readonly targetRegions: readonly string[];
}

/** A partner asked outside the regions it serves, on purpose: why, as the caller gave it. */
export interface RegionOverride {
  readonly reason: string;
}

/** `GD` serves `GD-SZ`; region codes compare in one case, whatever a caller typed. */
const serves = (region: string, caseRegion: string): boolean => {
  const [served, wanted] = [region.toUpperCase(), caseRegion.toUpperCase()];
  return served === wanted || wanted.startsWith(`${served}-`);
};

const refuse = (message: string): never => {
  throw new ValidationFailed([{ field: 'to.id', message }]);
};

/**
 * A unit does not ask itself for help (its queue is part of it), and a partner is asked only in a
 * region it serves unless the caller overrides that with a reason; answers the override to record,
 * or null when none was needed.
 */
export const checkCollaborationSides = (
  to: CollaborationTarget,
  caseRegion: string,
  sides: CollaborationSides | undefined,
  override: RegionOverride | undefined,
): { readonly caseRegion: string; readonly reason: string } | null => {
  if (sides === undefined) return null;
  if (to.id === sides.askingUnitId) refuse(`must be another unit than ${sides.askingUnitId}, which asks`);
  if (to.kind !== 'PARTNER' || sides.targetRegions.some((region) => serves(region, caseRegion))) return null;
  if (override === undefined || override.reason.trim() === '')
    return refuse(
      `partner ${to.id} serves ${sides.targetRegions.join(', ')}, not the case's region ${caseRegion}; ask with regionOverride.reason to ask it anyway`,
    );
  return { caseRegion, reason: override.reason.trim() };
};
