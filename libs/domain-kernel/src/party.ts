/**
 * Who stands on one side of a hand-off: a queue (a case owner's desk), a unit (a department) or a
 * partner organisation, by its org directory id. Ids are unique across the three kinds (the org
 * directory claims each id once), so the id alone names one thing; the kind says what it is, so a
 * reader needs no directory to tell a partner from a department.
 */
export const PARTY_KINDS = ['QUEUE', 'UNIT', 'PARTNER'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export interface Party {
  readonly kind: PartyKind;
  readonly id: string;
}

/** The same party, whatever else the value carries (a collaboration target also has a region). */
export const partyOf = ({ kind, id }: Party): Party => ({ kind, id });
