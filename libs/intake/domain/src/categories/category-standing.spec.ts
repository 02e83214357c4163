import type { CategoryStatus } from './category.decider';
import { standingOf } from './category-standing';

/** A tree given as the status of each category's own stream; anything unlisted was never defined. */
const tree =
  (statuses: Record<string, CategoryStatus>) =>
  (categoryId: string): CategoryStatus =>
    statuses[categoryId] ?? 'none';

describe('where a category stands for new contacts', () => {
  it('is active while it and every ancestor are active', () =>
    expect(
      standingOf(
        'billing/refund/partial',
        tree({ billing: 'active', 'billing/refund': 'active', 'billing/refund/partial': 'active' }),
      ),
    ).toEqual({
      status: 'active',
    }));

  it('is retired when it is retired itself', () =>
    expect(standingOf('billing/refund', tree({ billing: 'active', 'billing/refund': 'retired' }))).toEqual({
      status: 'retired',
      retiredBy: 'billing/refund',
    }));

  it('is retired under a retired ancestor, though its own stream says active', () =>
    expect(
      standingOf(
        'billing/refund/partial',
        tree({ billing: 'retired', 'billing/refund': 'active', 'billing/refund/partial': 'active' }),
      ),
    ).toEqual({
      status: 'retired',
      retiredBy: 'billing',
    }));

  it('names the ancestor nearest the root when several are retired', () =>
    expect(standingOf('a/b/c', tree({ a: 'active', 'a/b': 'retired', 'a/b/c': 'retired' }))).toEqual({
      status: 'retired',
      retiredBy: 'a/b',
    }));

  it.each<[string, string, Record<string, CategoryStatus>]>([
    ['a category never defined', 'billing/unknown', { billing: 'active' }],
    ['a root never defined', 'nothing', {}],
    ['a category whose ancestor is missing', 'a/b', { 'a/b': 'active' }],
  ])('is unknown for %s', (_, categoryId, statuses) =>
    expect(standingOf(categoryId, tree(statuses))).toEqual({ status: 'none' }),
  );

  it('is unknown rather than retired when it was never defined under a retired parent', () =>
    expect(standingOf('billing/new', tree({ billing: 'retired' }))).toEqual({ status: 'none' }));
});
