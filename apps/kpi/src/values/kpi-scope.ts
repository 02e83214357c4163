import { Forbidden, ValidationFailed, holdsAny } from '@collab/domain-kernel';
import { SCOPE_DIMENSIONS, type ScopeDimension } from '@collab/kpi-domain';
import type { Principal } from '@collab/service-kit';

/** Which figures: the whole organisation, or one value of one dimension (`unit:gd-billing`, `partner:reseller-1`). */
export type Scope = { readonly kind: 'whole' } | { readonly kind: 'dimension'; readonly dimension: ScopeDimension; readonly id: string };

export const WHOLE: Scope = { kind: 'whole' };

export const parseScope = (text: string | undefined): Scope => {
  if (text === undefined || text === '' || text === 'whole') return WHOLE;
  const [dimension, ...rest] = text.split(':');
  const id = rest.join(':');
  if (!(SCOPE_DIMENSIONS as readonly string[]).includes(dimension ?? '') || id === '' || id.length > 200)
    throw new ValidationFailed([{ field: 'scope', message: `must be whole or <dimension>:<id> with a dimension among ${SCOPE_DIMENSIONS.join(', ')}` }]);
  return { kind: 'dimension', dimension: dimension as ScopeDimension, id };
};

export const scopeText = (scope: Scope): string => (scope.kind === 'whole' ? 'whole' : `${scope.dimension}:${scope.id}`);

/**
 * Who reads which figures: staff and analysts everything; a department its own unit and the units
 * below it (its scope when it names none); a partner only its own. Answers the scope to read.
 */
export const admittedScope = (principal: Principal, asked: Scope, unitsBelow: (unitId: string) => Promise<readonly string[]>): Promise<Scope> => {
  if (holdsAny(principal, ['staff', 'analyst'])) return Promise.resolve(asked);
  if (holdsAny(principal, ['partner-staff']) && principal.partner !== undefined) {
    if (asked.kind === 'whole') return Promise.resolve({ kind: 'dimension', dimension: 'partner', id: principal.partner });
    if (asked.dimension === 'partner' && asked.id === principal.partner) return Promise.resolve(asked);
    return Promise.reject(new Forbidden('a partner reads only its own figures'));
  }
  if (holdsAny(principal, ['department']) && principal.unit !== undefined) return departmentScope(principal.unit, asked, unitsBelow);
  return Promise.reject(new Forbidden('reading KPI figures requires staff, analyst, a department with its unit, or a partner'));
};

const departmentScope = async (own: string, asked: Scope, unitsBelow: (unitId: string) => Promise<readonly string[]>): Promise<Scope> => {
  if (asked.kind === 'whole') return { kind: 'dimension', dimension: 'unit', id: own };
  if (asked.dimension === 'unit' && (asked.id === own || (await unitsBelow(own)).includes(asked.id))) return asked;
  throw new Forbidden('a department reads its own unit and the units below it');
};
