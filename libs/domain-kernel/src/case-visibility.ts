import { holds } from './access-policy';

/** Who asks: the caller's audience and identity, as the token says. */
export interface Viewer {
  readonly subject: string;
  readonly audience: 'EXTERNAL' | 'INTERNAL' | 'PARTNER';
  readonly roles: readonly string[];
  readonly partner?: string;
}

export interface VisibleCase {
  readonly requesterId: string | null;
  readonly requesterPartner: string | null;
}

/** Staff roles that work cases for the whole enterprise (ROLE_GRANTS says what each grants). */
export const STAFF_ROLES = ['agent', 'supervisor', 'back-office', 'admin'] as const;

/**
 * A requester sees their own cases; a partner's staff see their partner's cases; internal staff
 * see every case. Anything else is invisible — and answered as not found, so ids leak nothing.
 */
export const canSee = (viewer: Viewer, subject: VisibleCase): boolean => {
  if (subject.requesterId !== null && subject.requesterId === viewer.subject) return true;
  if (viewer.audience === 'PARTNER')
    return viewer.partner !== undefined && subject.requesterPartner === viewer.partner && holds(viewer, 'partner-staff');
  return holds(viewer, 'staff');
};
