import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@collab/event-store';
import {
  categoryDecider,
  categoryStreamId,
  parentCategoryIdOf,
  type CategoryCommand,
  type CategoryEvent,
  type CategoryState,
} from '@collab/intake-domain';
import type { DecisionContext } from '@collab/domain-kernel';
import { CLOCK, CommandHandler, EVENT_STORE, type Clock } from '@collab/service-kit';
import type { CommandOrigin } from '@collab/service-kit';
import { CategoryDirectory } from './category-directory';
import { categoryViewOf } from './category-view/category-view';
import type { CategoryView } from '../intake.answers';

/** Category commands run here, for administrators and the seed alike: deciding again on the fresh state is always safe, the decider re-checks everything. */
export const categoryCommandHandler = (store: EventStore) =>
  new CommandHandler(store, categoryDecider, { streamOf: (command: CategoryCommand) => categoryStreamId(command.categoryId), retriesOnConflict: 2 });

/** Runs an administrator's command on one category stream and answers with the category as it now is. */
@Injectable()
export class CategoryCommands {
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

  async execute(command: CategoryCommand, origin: CommandOrigin): Promise<CategoryView> {
    const streamId = categoryStreamId(command.categoryId);
    const handled = await this.categories.handle(await this.prepared(command), { now: this.clock.now() }, { origin });
    this.directory.remember(streamId, handled.events, handled.version);
    // The category exactly as this request left it, even if another change follows at once.
    const after = handled.events.reduce(categoryDecider.evolve, handled.state);
    if (after.status === 'none')
      throw new Error(`category ${command.categoryId} does not exist after ${command.type}`);
    return categoryViewOf(
      after,
      handled.version,
      await this.directory.standingWith(command.categoryId, after.status),
    );
  }

  /**
   * A definition learns how its parent stands, ancestors included: under a category retired
   * higher up it is refused like under a retired parent. The check and the append touch
   * different streams, so a retirement racing a definition can let the child in; it is then
   * unusable all the same, because CATEGORY_LOOKUP looks at every ancestor.
   */
  private async prepared(command: CategoryCommand): Promise<CategoryCommand> {
    if (command.type !== 'DefineCategory') {
      // Over REST an unknown category is a missing resource (404), not a refused transition.
      await this.directory.require(command.categoryId);
      return command;
    }
    const parentId = parentCategoryIdOf(command.categoryId);
    if (parentId === undefined) return command;
    return { ...command, parentStatus: (await this.directory.standing(parentId)).status };
  }
}
