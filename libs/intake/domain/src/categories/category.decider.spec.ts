import { IllegalTransition, ValidationFailed, fold, specFor } from '@collab/domain-kernel';
import {
  ancestorCategoryIdsOf,
  categoryDecider,
  parentCategoryIdOf,
  type CategoryCommand,
  type CategoryState,
  type DefineCategory,
} from './category.decider';
import type { CategoryDefined, CategoryEvent, CategoryNames } from './category.events';
import { DEFAULT_CATEGORIES } from './default-categories';

const now = new Date('2026-11-20T09:30:00.000Z');
const at = now.toISOString();
const spec = specFor(categoryDecider, { now });

const names: CategoryNames = { 'zh-Hans': '退款', en: 'Refund', fi: 'Hyvitys', ja: '返金' };
const defineCategory = (overrides: Partial<DefineCategory> = {}): DefineCategory => ({
  type: 'DefineCategory', categoryId: 'billing/refund', names, parentStatus: 'active', ...overrides,
});
const renameCategory = (newNames: CategoryNames = { ...names, en: 'Refunds' }): CategoryCommand => ({ type: 'RenameCategory', categoryId: 'billing/refund', names: newNames });
const retireCategory = (reason?: string): CategoryCommand => ({ type: 'RetireCategory', categoryId: 'billing/refund', ...(reason ? { reason } : {}) });

const categoryDefined = (overrides: Partial<CategoryDefined['data']> = {}): CategoryEvent => ({
  type: 'CategoryDefined', data: { categoryId: 'billing/refund', parentId: 'billing', names, ...overrides, definedAt: at },
});
const categoryRenamed = (newNames: CategoryNames = { ...names, en: 'Refunds' }): CategoryEvent => ({
  type: 'CategoryRenamed', data: { categoryId: 'billing/refund', names: newNames, renamedAt: at },
});
const categoryRetired = (reason?: string): CategoryEvent => ({
  type: 'CategoryRetired', data: { categoryId: 'billing/refund', retiredAt: at, ...(reason ? { reason } : {}) },
});

describe('a category through its lifecycle (every command in every state)', () => {
  const histories: Record<CategoryState['status'], CategoryEvent[]> = {
    none: [],
    active: [categoryDefined()],
    retired: [categoryDefined(), categoryRetired()],
  };
  const commands: Record<CategoryCommand['type'], CategoryCommand> = {
    DefineCategory: defineCategory(),
    RenameCategory: renameCategory(),
    RetireCategory: retireCategory(),
  };
  const refused = 'refused (IllegalTransition)';
  const table: [CategoryCommand['type'], CategoryState['status'], CategoryEvent | typeof refused][] = [
    ['DefineCategory', 'none', categoryDefined()],
    ['DefineCategory', 'active', refused],
    ['DefineCategory', 'retired', refused],
    ['RenameCategory', 'none', refused],
    ['RenameCategory', 'active', categoryRenamed()],
    ['RenameCategory', 'retired', refused],
    ['RetireCategory', 'none', refused],
    ['RetireCategory', 'active', categoryRetired()],
    ['RetireCategory', 'retired', refused],
  ];

  it.each(table)('%s on a category in state %s → %j', (command, status, outcome) => {
    const when = spec.given(...histories[status]).when(commands[command]);
    if (outcome === refused) when.thenThrows(IllegalTransition);
    else when.then(outcome);
  });

  it('folds to the state each history names', () => {
    for (const [status, history] of Object.entries(histories)) expect(fold(categoryDecider, history).status).toBe(status);
  });
});

const fieldsRefused = (command: CategoryCommand, history: CategoryEvent[] = []): string[] => {
  try {
    categoryDecider.decide(command, fold(categoryDecider, history), { now });
  } catch (error) {
    if (error instanceof ValidationFailed) return error.errors.map((e) => e.field);
    throw error;
  }
  throw new Error('expected ValidationFailed');
};

describe('defining a category', () => {
  it('defines a root without a parent', () =>
    spec.given().when(defineCategory({ categoryId: 'billing', names: { en: 'Billing' } }))
      .then({ type: 'CategoryDefined', data: { categoryId: 'billing', names: { en: 'Billing' }, definedAt: at } }));

  it('keeps the request types it applies to once each, in the vocabulary order', () =>
    spec.given().when(defineCategory({ requestTypes: ['COMPLAINT', 'INQUIRY', 'COMPLAINT'] }))
      .then(categoryDefined({ requestTypes: ['INQUIRY', 'COMPLAINT'] })));

  it.each<[string, Partial<DefineCategory>, string[]]>([
    ['a parent that does not exist', { parentStatus: 'none' }, ['id']],
    ['a parent not looked up', { parentStatus: undefined as never }, ['id']],
    ['a retired parent', { parentStatus: 'retired' }, ['id']],
    ['an id that is not a slash path of slugs', { categoryId: 'Billing//Refund' }, ['id']],
    ['no names', { names: {} }, ['names']],
    ['a name keyed by something other than a language', { names: { 'not a language': 'x' } }, ['names.not a language']],
    ['an empty name', { names: { en: '  ' } }, ['names.en']],
    ['an empty list of request types', { requestTypes: [] }, ['requestTypes']],
  ])('is refused under %s, naming the field', (_, overrides, fields) => expect(fieldsRefused(defineCategory(overrides))).toEqual(fields));

  it('names the refused category in the message', () =>
    expect(() => categoryDecider.decide(defineCategory(), fold(categoryDecider, [categoryDefined()]), { now })).toThrow(
      'DefineCategory is not allowed: category "billing/refund" already exists',
    ));
});

describe('renaming and retiring a category', () => {
  it('records nothing when the names are the same', () => spec.given(categoryDefined()).when(renameCategory({ ...names })).then());

  it('refuses names that are not names', () => expect(fieldsRefused(renameCategory({}), [categoryDefined()])).toEqual(['names']));

  it('folds the new names into the category', () =>
    expect(fold(categoryDecider, [categoryDefined(), categoryRenamed({ en: 'Refunds' })])).toMatchObject({ category: { names: { en: 'Refunds' } } }));

  it('carries the reason for retiring', () => spec.given(categoryDefined()).when(retireCategory('merged into billing')).then(categoryRetired('merged into billing')));
});

describe('category paths', () => {
  it.each([
    ['billing', undefined, []],
    ['billing/refund', 'billing', ['billing']],
    ['a/b/c', 'a/b', ['a', 'a/b']],
  ])('%s has parent %s and ancestors %j', (id, parent, ancestors) => {
    expect(parentCategoryIdOf(id)).toBe(parent);
    expect(ancestorCategoryIdsOf(id)).toEqual(ancestors);
  });
});

describe('the default categories', () => {
  it('list every parent before its children, so seeding in order always finds the parent', () => {
    const seen = new Set<string>();
    for (const { categoryId } of DEFAULT_CATEGORIES) {
      expect(ancestorCategoryIdsOf(categoryId).every((id) => seen.has(id))).toBe(true);
      seen.add(categoryId);
    }
  });

  it('have unique ids and names in Chinese, English, Finnish and Japanese', () => {
    expect(new Set(DEFAULT_CATEGORIES.map((c) => c.categoryId)).size).toBe(DEFAULT_CATEGORIES.length);
    for (const c of DEFAULT_CATEGORIES) expect(Object.keys(c.names)).toEqual(['zh-Hans', 'en', 'fi', 'ja']);
  });

  it.each(DEFAULT_CATEGORIES.map((c) => [c.categoryId, c] as const))('%s is a valid definition', (_, command) =>
    expect(categoryDecider.decide({ ...command, parentStatus: 'active' }, categoryDecider.initialState(), { now })).toHaveLength(1));
});
