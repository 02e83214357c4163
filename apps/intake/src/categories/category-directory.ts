import { Injectable } from '@nestjs/common';
import {
  CATEGORY_ID_PATTERN,
  ancestorCategoryIdsOf,
  categoryStreamId,
  standingOf,
  type CategoryEvent,
  type CategoryStanding,
  type CategoryStatus,
} from '@collab/intake-domain';
import { NotFound, ValidationFailed } from '@collab/service-kit';
import { IntakeFolds } from '../folds/intake-folds';
import type { CategoryLookup } from '../intake.ports';
import { categoryViewOf } from './category-view/category-view';
import type { CategoryView } from '../intake.answers';

const refuse = (message: string): never => {
  throw new ValidationFailed([{ field: 'category', message }]);
};

/**
 * Which categories exist and whether a contact may use one. It asks the categories' folds in
 * memory (IntakeFolds) for the category and its ancestors, not category_view: the projection
 * follows the log a moment behind, and a contact arriving right after an administrator retired a
 * category must be refused. This replica's own changes are in the folds at once, another
 * replica's within a fraction of a second.
 */
@Injectable()
export class CategoryDirectory implements CategoryLookup {
  constructor(private readonly folds: IntakeFolds) {}

  async find(categoryId: string): Promise<CategoryView | undefined> {
    return (await this.lookUp(categoryId))?.category;
  }

  /** What this replica just appended to a category's stream, so its next contact sees it at once. */
  remember(streamId: string, events: readonly CategoryEvent[], versionAfter: number): void {
    this.folds.categories.remember(streamId, events, versionAfter);
  }

  /** The category, or NotFound (404). */
  async require(categoryId: string): Promise<CategoryView> {
    const category = await this.find(categoryId);
    if (!category) throw new NotFound('category', categoryId);
    return category;
  }

  /** The category if it and every ancestor are active; otherwise ValidationFailed naming `category`. */
  async requireUsable(categoryId: string): Promise<CategoryView> {
    const { category, standing } =
      (await this.lookUp(categoryId)) ?? refuse(`unknown category "${categoryId}"`);
    if (standing.status === 'active') return category;
    if (standing.status === 'none')
      return refuse(`category "${categoryId}" lies under a category that does not exist`);
    return refuse(
      standing.retiredBy === categoryId
        ? `category "${categoryId}" is retired`
        : `category "${categoryId}" is under the retired category "${standing.retiredBy}"`,
    );
  }

  /** Where the category stands, its ancestors included. */
  async standing(categoryId: string): Promise<CategoryStanding> {
    if (!CATEGORY_ID_PATTERN.test(categoryId)) return { status: 'none' };
    return standingOf(categoryId, await this.statuses([categoryId, ...ancestorCategoryIdsOf(categoryId)]));
  }

  /** Where the category stands given its own status (as the caller knows it) and its ancestors' now. */
  async standingWith(categoryId: string, ownStatus: CategoryStatus): Promise<CategoryStanding> {
    const statusOf = await this.statuses(ancestorCategoryIdsOf(categoryId));
    return standingOf(categoryId, (id) => (id === categoryId ? ownStatus : statusOf(id)));
  }

  private async statuses(categoryIds: readonly string[]): Promise<(categoryId: string) => CategoryStatus> {
    const folded = await this.folds.categories.getMany(categoryIds.map(categoryStreamId));
    return (categoryId) => folded.get(categoryStreamId(categoryId))?.state.status ?? 'none';
  }

  private async lookUp(
    categoryId: string,
  ): Promise<{ category: CategoryView; standing: CategoryStanding } | undefined> {
    if (!CATEGORY_ID_PATTERN.test(categoryId)) return undefined;
    const ids = [categoryId, ...ancestorCategoryIdsOf(categoryId)];
    const folded = await this.folds.categories.getMany(ids.map(categoryStreamId));
    const own = folded.get(categoryStreamId(categoryId));
    if (!own || own.state.status === 'none') return undefined;
    const standing = standingOf(categoryId, (id) => folded.get(categoryStreamId(id))?.state.status ?? 'none');
    return { category: categoryViewOf(own.state, own.version, standing), standing };
  }
}
