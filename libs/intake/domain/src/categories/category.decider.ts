import {
  IllegalTransition,
  ValidationFailed,
  assertNever,
  type Decider,
  type DecisionContext,
  type FieldError,
} from '@collab/domain-kernel';
import { REQUEST_TYPES, type RequestType } from '../contact';
import type { CategoryEvent, CategoryNames } from './category.events';

const SLUG = '[a-z0-9][a-z0-9-]{0,62}';
/** A slash path of at most five slugs: `billing`, `billing/wrong-charge`. */
export const CATEGORY_ID_PATTERN = new RegExp(`^${SLUG}(/${SLUG}){0,4}$`);
const NAME_LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const MAX_NAME_LENGTH = 200;

/** `billing/refund` → `billing`; a root has no parent. */
export const parentCategoryIdOf = (categoryId: string): string | undefined => {
  const slash = categoryId.lastIndexOf('/');
  return slash < 0 ? undefined : categoryId.slice(0, slash);
};

/** Root first, the category itself excluded: `a/b/c` → [`a`, `a/b`]. */
export const ancestorCategoryIdsOf = (categoryId: string): string[] =>
  categoryId.split('/').slice(0, -1).map((_, index, segments) => segments.slice(0, index + 1).join('/'));

export type CategoryStatus = CategoryState['status'];

export interface DefineCategory {
  readonly type: 'DefineCategory';
  readonly categoryId: string;
  readonly names: CategoryNames;
  readonly requestTypes?: readonly RequestType[];
  /** How the application found the parent category; not needed for a root. */
  readonly parentStatus?: CategoryStatus;
}

export interface RenameCategory {
  readonly type: 'RenameCategory';
  readonly categoryId: string;
  readonly names: CategoryNames;
}

export interface RetireCategory {
  readonly type: 'RetireCategory';
  readonly categoryId: string;
  readonly reason?: string;
}

export type CategoryCommand = DefineCategory | RenameCategory | RetireCategory;

export interface DefinedCategory {
  readonly categoryId: string;
  readonly parentId?: string;
  readonly names: CategoryNames;
  readonly requestTypes?: readonly RequestType[];
}

export type CategoryState =
  | { readonly status: 'none' }
  | { readonly status: 'active' | 'retired'; readonly category: DefinedCategory };

const evolve = (state: CategoryState, event: CategoryEvent): CategoryState => {
  switch (event.type) {
    case 'CategoryDefined': {
      const { definedAt: _definedAt, ...category } = event.data;
      return { status: 'active', category };
    }
    case 'CategoryRenamed':
      return state.status === 'none' ? state : { ...state, category: { ...state.category, names: event.data.names } };
    case 'CategoryRetired':
      return state.status === 'none' ? state : { ...state, status: 'retired' };
    default:
      return assertNever(event);
  }
};

/** IllegalTransition's own message speaks of "the case"; a category's refusal names the category. */
const refused = (command: CategoryCommand, state: CategoryState, reason: string): IllegalTransition =>
  Object.assign(new IllegalTransition(command.type, state.status, reason), { message: `${command.type} is not allowed: ${reason}` });

const invalidNames = (names: CategoryNames): FieldError[] => {
  const entries = Object.entries(names);
  if (entries.length === 0) return [{ field: 'names', message: 'must name the category in at least one language' }];
  return entries.flatMap(([language, name]): FieldError[] => {
    if (!NAME_LANGUAGE.test(language)) return [{ field: `names.${language}`, message: 'must be keyed by a BCP 47 language tag such as zh-Hans or en' }];
    const length = name.trim().length;
    return length === 0 || length > MAX_NAME_LENGTH ? [{ field: `names.${language}`, message: `must be 1 to ${MAX_NAME_LENGTH} characters` }] : [];
  });
};

const invalidParent = (command: DefineCategory, parentId: string | undefined): FieldError[] => {
  if (parentId === undefined) return [];
  const status = command.parentStatus ?? 'none';
  if (status === 'active') return [];
  return [{ field: 'id', message: status === 'none' ? `parent category "${parentId}" does not exist` : `parent category "${parentId}" is retired` }];
};

const invalidDefinition = (command: DefineCategory, parentId: string | undefined): FieldError[] => [
  ...(CATEGORY_ID_PATTERN.test(command.categoryId) ? [] : [{ field: 'id', message: 'must be a slash path of lowercase slugs such as billing/refund' }]),
  ...invalidParent(command, parentId),
  ...invalidNames(command.names),
  ...(command.requestTypes?.length === 0 ? [{ field: 'requestTypes', message: 'must name at least one request type, or be left out for all' }] : []),
];

const define = (command: DefineCategory, state: CategoryState, at: string): CategoryEvent[] => {
  if (state.status !== 'none') throw refused(command, state, `category "${command.categoryId}" already exists`);
  const parentId = parentCategoryIdOf(command.categoryId);
  const errors = invalidDefinition(command, parentId);
  if (errors.length > 0) throw new ValidationFailed(errors);
  const requestTypes = command.requestTypes && { requestTypes: REQUEST_TYPES.filter((type) => command.requestTypes?.includes(type)) };
  return [{ type: 'CategoryDefined', data: { categoryId: command.categoryId, ...(parentId ? { parentId } : {}), names: command.names, ...requestTypes, definedAt: at } }];
};

const active = (command: CategoryCommand, state: CategoryState): Extract<CategoryState, { category: DefinedCategory }> => {
  if (state.status === 'none') throw refused(command, state, `category "${command.categoryId}" does not exist`);
  if (state.status === 'retired') throw refused(command, state, `category "${command.categoryId}" is retired`);
  return state;
};

const sameNames = (a: CategoryNames, b: CategoryNames): boolean =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

const rename = (command: RenameCategory, state: CategoryState, at: string): CategoryEvent[] => {
  const current = active(command, state);
  const errors = invalidNames(command.names);
  if (errors.length > 0) throw new ValidationFailed(errors);
  if (sameNames(current.category.names, command.names)) return [];
  return [{ type: 'CategoryRenamed', data: { categoryId: command.categoryId, names: command.names, renamedAt: at } }];
};

const retire = (command: RetireCategory, state: CategoryState, at: string): CategoryEvent[] => {
  active(command, state);
  return [{ type: 'CategoryRetired', data: { categoryId: command.categoryId, retiredAt: at, ...(command.reason ? { reason: command.reason } : {}) } }];
};

const decide = (command: CategoryCommand, state: CategoryState, context: DecisionContext): CategoryEvent[] => {
  const at = context.now.toISOString();
  switch (command.type) {
    case 'DefineCategory':
      return define(command, state, at);
    case 'RenameCategory':
      return rename(command, state, at);
    case 'RetireCategory':
      return retire(command, state, at);
    default:
      return assertNever(command);
  }
};

/** One node of the managed category tree: defined under an existing parent, renamed, retired. */
export const categoryDecider: Decider<CategoryCommand, CategoryEvent, CategoryState> = {
  initialState: () => ({ status: 'none' }),
  evolve,
  decide,
};

export const categoryStreamId = (categoryId: string): string => `category-${categoryId}`;
