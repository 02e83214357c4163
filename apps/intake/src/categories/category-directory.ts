import { Inject, Injectable } from '@nestjs/common';
import { AggregateStreams, type EventStore } from '@collab/event-store';
import {
  CATEGORY_ID_PATTERN,
  ancestorCategoryIdsOf,
  categoryDecider,
  categoryStreamId,
  standingOf,
  type CategoryCommand,
  type CategoryEvent,
  type CategoryStanding,
  type CategoryState,
  type CategoryStatus,
} from '@collab/intake-domain';
import type { DecisionContext } from '@collab/domain-kernel';
import { EVENT_STORE, NotFound, ValidationFailed } from '@collab/service-kit';
import type { CategoryLookup } from '../intake.ports';
import { categoryViewOf, type CategoryView } from './category-view/category-view';

const refuse = (message: string): never => {
  throw new ValidationFailed([{ field: 'category', message }]);
};

/**
 * Which categories exist and whether a contact may use one. It folds the category's own stream
 * and its ancestors' (at most five short streams) instead of reading category_view: the
 * projection follows the log a moment behind, and a contact arriving right after an
 * administrator retired a category must be refused.
 */
@Injectable()
export class CategoryDirectory implements CategoryLookup {
  private readonly categories: AggregateStreams<
    CategoryCommand,
    CategoryEvent,
    CategoryState,
    DecisionContext
  >;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.categories = new AggregateStreams(store, categoryDecider);
  }

  async find(categoryId: string): Promise<CategoryView | undefined> {
    return (await this.lookUp(categoryId))?.category;
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

  /** Where the category stands, its ancestors read from their streams now. */
  async standing(categoryId: string): Promise<CategoryStanding> {
    if (!CATEGORY_ID_PATTERN.test(categoryId)) return { status: 'none' };
    const { state } = await this.categories.load(categoryStreamId(categoryId));
    return this.standingWith(categoryId, state.status);
  }

  /** Where the category stands given its own status (as the caller knows it) and its ancestors' now. */
  async standingWith(categoryId: string, ownStatus: CategoryStatus): Promise<CategoryStanding> {
    const statuses = new Map<string, CategoryStatus>([[categoryId, ownStatus]]);
    // One after another: in embedded mode every read goes through the one connection anyway.
    for (const ancestorId of ancestorCategoryIdsOf(categoryId))
      statuses.set(ancestorId, (await this.categories.load(categoryStreamId(ancestorId))).state.status);
    return standingOf(categoryId, (id) => statuses.get(id) ?? 'none');
  }

  private async lookUp(
    categoryId: string,
  ): Promise<{ category: CategoryView; standing: CategoryStanding } | undefined> {
    if (!CATEGORY_ID_PATTERN.test(categoryId)) return undefined;
    const { state, version } = await this.categories.load(categoryStreamId(categoryId));
    if (state.status === 'none') return undefined;
    const standing = await this.standingWith(categoryId, state.status);
    return { category: categoryViewOf(state, version, standing), standing };
  }
}
