import { AUDIENCES, Unauthenticated, type Audience, type Principal } from './principal';

/** Claims are read from an already verified payload; this only checks their shape. */
type Claims = Readonly<Record<string, unknown>>;

const invalid = (claim: string, expected: string): Unauthenticated =>
  new Unauthenticated(`invalid claim ${claim}: must be ${expected}`);

const requiredString = (claims: Claims, claim: string): string => {
  const value = claims[claim];
  if (value === undefined) throw new Unauthenticated(`missing claim ${claim}`);
  if (typeof value !== 'string' || value === '') throw invalid(claim, 'a non-empty string');
  return value;
};

const optionalString = (claims: Claims, claim: string): string | undefined => {
  const value = claims[claim];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value === '') throw invalid(claim, 'a non-empty string when present');
  return value;
};

const roles = (claims: Claims): string[] => {
  const value = claims['roles'];
  if (value === undefined) throw new Unauthenticated('missing claim roles');
  if (!Array.isArray(value) || !value.every((role): role is string => typeof role === 'string'))
    throw invalid('roles', 'an array of strings');
  return value;
};

const audience = (claims: Claims): Audience => {
  const value = requiredString(claims, 'audience');
  const known = AUDIENCES.find((candidate) => candidate === value);
  if (!known) throw invalid('audience', `one of ${AUDIENCES.join(', ')} (got "${value}")`);
  return known;
};

/**
 * The caller as our code sees it. A PARTNER caller must name its partner: every partner-facing
 * query is scoped by it, and a token without one could otherwise see nothing or, worse, all.
 */
export const principalFromClaims = (claims: Claims): Principal => {
  const principal: Principal = {
    subject: requiredString(claims, 'sub'),
    roles: roles(claims),
    audience: audience(claims),
  };
  const unit = optionalString(claims, 'unit');
  const partner = optionalString(claims, 'partner');
  if (principal.audience === 'PARTNER' && !partner)
    throw new Unauthenticated('missing claim partner: required when audience is PARTNER');
  return { ...principal, ...(unit ? { unit } : {}), ...(partner ? { partner } : {}) };
};
