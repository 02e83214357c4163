import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventStore } from '@collab/event-store';
import {
  DEFAULT_CATEGORIES,
  parentCategoryIdOf,
  type CategoryCommand,
  type CategoryEvent,
  type CategoryState,
  type DefineCategory,
} from '@collab/intake-domain';
import type { DecisionContext } from '@collab/domain-kernel';
import { CLOCK, EVENT_STORE, seedOnce, type Clock, type CommandHandler } from '@collab/service-kit';
import { categoryCommandHandler } from '../category-commands';
import { CategoryDirectory } from '../category-directory';



/**
 * Defines the default category tree before the API listens. Idempotent: a category whose stream
 * exists is left as it is (renamed or retired by an administrator, it stays so), and the event
 * ids are deterministic, so two replicas seeding at the same moment write each category once.
 * Parents come first in DEFAULT_CATEGORIES, so each child finds its parent defined.
 */
@Injectable()
export class CategorySeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('CategorySeeder');
  private readonly categories: CommandHandler<
    CategoryCommand,
    CategoryEvent,
    CategoryState,
    DecisionContext
  >;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly directory: CategoryDirectory,
  ) {
    this.categories = categoryCommandHandler(store);
  }

  async onApplicationBootstrap(): Promise<void> {
    let seeded = 0;
    for (const category of DEFAULT_CATEGORIES) if (await this.seed(category)) seeded += 1;
    if (seeded > 0) this.logger.log(`defined ${seeded} default categories`);
  }

  private async seed(category: DefineCategory): Promise<boolean> {
    const parentId = parentCategoryIdOf(category.categoryId);
    const parentStatus =
      parentId === undefined ? undefined : (await this.directory.standing(parentId)).status;
    if (parentStatus !== undefined && parentStatus !== 'active') {
      // An administrator retired the branch; a default must not grow it back.
      this.logger.warn(
        `default category ${category.categoryId} not defined: its parent ${parentId ?? ''} is ${parentStatus}`,
      );
      return false;
    }
    const command = { ...category, ...(parentStatus ? { parentStatus } : {}) };
    return seedOnce(this.categories, { command, context: { now: this.clock.now() }, key: `category/${category.categoryId}`, seededBy: 'intake.seed' });
  }
}
