/** A role granted to a user within a unit (issue 13), as the auth of every service applies it. */
export interface UnitRole {
  readonly unit: string;
  readonly role: string;
}

/**
 * The roles a caller gains from grants: those in the unit their token names; a token naming no
 * unit gains the grants of every unit, and the unit itself where all name the same one. One rule
 * for workflow, which keeps the grants, and for every service that follows them.
 */
export const rolesGrantedIn = (grants: readonly UnitRole[], tokenUnit: string | undefined): { roles: string[]; unit?: string } => {
  const applying = tokenUnit === undefined ? grants : grants.filter((held) => held.unit === tokenUnit);
  const units = new Set(applying.map((held) => held.unit));
  const [only] = units;
  return { roles: [...new Set(applying.map((held) => held.role))], ...(tokenUnit === undefined && units.size === 1 && only !== undefined ? { unit: only } : {}) };
};
