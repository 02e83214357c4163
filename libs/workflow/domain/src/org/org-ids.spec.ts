import { Conflict, specFor } from '@collab/domain-kernel';
import { orgIdClaimDecider, type ClaimOrgId } from './org-ids';
import type { OrgIdClaimed, OrgIdKind } from './org.events';
import { AT, NOW } from './org.fixtures';

const spec = specFor(orgIdClaimDecider, { now: NOW });
const claim = (id: string, kind: OrgIdKind, ownerUnitId?: string): ClaimOrgId => ({
  type: 'ClaimOrgId',
  wanted: { id, kind, ...(ownerUnitId === undefined ? {} : { ownerUnitId }) },
});
const claimed = (id: string, kind: OrgIdKind): OrgIdClaimed => ({ type: 'OrgIdClaimed', data: { id, kind, claimedAt: AT } });

describe('claiming an org id (units, queues and partners share one namespace)', () => {
  it('takes an id nobody has', () => spec.given().when(claim('billing', 'UNIT')).then(claimed('billing', 'UNIT')));

  it('appends nothing when the id is already claimed for the same kind (an earlier attempt, a racing replica)', () =>
    spec.given(claimed('billing', 'UNIT')).when(claim('billing', 'UNIT')).then());

  it("lets a unit's own desk queue carry the unit's id, without a claim of its own", () =>
    spec.given(claimed('billing', 'UNIT')).when(claim('billing', 'QUEUE', 'billing')).then());

  it.each([
    ['a queue owned by another unit', claim('billing', 'QUEUE', 'front-line')],
    ['a partner', claim('billing', 'PARTNER')],
  ])('refuses %s taking a unit id', (_what, command) =>
    spec.given(claimed('billing', 'UNIT')).when(command).thenThrows(Conflict));
});
