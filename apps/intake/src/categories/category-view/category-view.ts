import type { CategoryStanding, CategoryState } from '@collab/intake-domain';
import type { CategoryView } from '../../intake.answers';

export type DefinedCategoryState = Extract<CategoryState, { category: unknown }>;

export const categoryViewOf = (
  { status, category }: DefinedCategoryState,
  version: number,
  standing: CategoryStanding,
): CategoryView => ({
  id: category.categoryId,
  ...(category.parentId === undefined ? {} : { parentId: category.parentId }),
  names: category.names,
  ...(category.requestTypes === undefined ? {} : { requestTypes: [...category.requestTypes] }),
  status,
  usable: standing.status === 'active',
  version,
});
