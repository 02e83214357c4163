import type { RequestType } from '../contact';

/** A category's name per BCP 47 language tag, e.g. `{ 'zh-Hans': '账单', en: 'Billing' }`. */
export type CategoryNames = Readonly<Record<string, string>>;

/** A category joined the managed tree (the `category` of a contact comes from it). */
export interface CategoryDefined {
  readonly type: 'CategoryDefined';
  readonly data: {
    /** Slash path of slugs: `billing`, `billing/wrong-charge`. */
    readonly categoryId: string;
    /** Absent for a root. */
    readonly parentId?: string;
    readonly names: CategoryNames;
    /** The request types it applies to; absent means all. */
    readonly requestTypes?: readonly RequestType[];
    readonly definedAt: string;
  };
}

/** The category's names were replaced by these. */
export interface CategoryRenamed {
  readonly type: 'CategoryRenamed';
  readonly data: { readonly categoryId: string; readonly names: CategoryNames; readonly renamedAt: string };
}

/** New contacts may no longer use the category, nor anything under it; past cases keep it. */
export interface CategoryRetired {
  readonly type: 'CategoryRetired';
  readonly data: { readonly categoryId: string; readonly retiredAt: string; readonly reason?: string };
}

export type CategoryEvent = CategoryDefined | CategoryRenamed | CategoryRetired;

export const CATEGORY_EVENT_TYPES: readonly CategoryEvent['type'][] = ['CategoryDefined', 'CategoryRenamed', 'CategoryRetired'];
