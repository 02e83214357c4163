import type { CategoryNames, CategoryStanding, CategoryState, RequestType } from '@collab/intake-domain';

/** A category as the API shows it and as intake's other features consult it. */
export interface CategoryView {
  /** Slash path of slugs: `billing`, `billing/wrong-charge`. */
  readonly id: string;
  /** Absent for a root. */
  readonly parentId?: string;
  readonly names: CategoryNames;
  /** The request types it applies to; absent means all. */
  readonly requestTypes?: readonly RequestType[];
  /** Its own status; a category under a retired one stays `active` here but is not `usable`. */
  readonly status: 'active' | 'retired';
  /** Whether new contacts may use it: it and every ancestor are active. */
  readonly usable: boolean;
  /** The category stream's version: how many changes it has seen. */
  readonly version: number;
}

export type DefinedCategoryState = Extract<CategoryState, { category: unknown }>;

export const categoryViewOf = (
  { status, category }: DefinedCategoryState,
  version: number,
  standing: CategoryStanding,
): CategoryView => ({
  id: category.categoryId,
  ...(category.parentId === undefined ? {} : { parentId: category.parentId }),
  names: category.names,
  ...(category.requestTypes === undefined ? {} : { requestTypes: category.requestTypes }),
  status,
  usable: standing.status === 'active',
  version,
});
