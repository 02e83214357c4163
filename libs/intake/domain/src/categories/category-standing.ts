import { ancestorCategoryIdsOf, type CategoryStatus } from './category.decider';

/**
 * Where a category stands for new contacts, its ancestors taken into account: `active` only while
 * it and every ancestor are active; when retired, `retiredBy` names the retired category that
 * makes it unusable (itself, or the ancestor nearest the root).
 */
export type CategoryStanding =
  | { readonly status: 'active' }
  | { readonly status: 'none' }
  | { readonly status: 'retired'; readonly retiredBy: string };

/**
 * Retiring a category retires everything under it for new contacts without touching the
 * children's own streams, so a child is only as usable as its ancestors. `statusOf` answers for
 * the category and each of its ancestors, each by its own stream.
 */
export const standingOf = (
  categoryId: string,
  statusOf: (categoryId: string) => CategoryStatus,
): CategoryStanding => {
  const path = [...ancestorCategoryIdsOf(categoryId), categoryId];
  if (path.some((id) => statusOf(id) === 'none')) return { status: 'none' };
  const retiredBy = path.find((id) => statusOf(id) === 'retired');
  return retiredBy === undefined ? { status: 'active' } : { status: 'retired', retiredBy };
};
