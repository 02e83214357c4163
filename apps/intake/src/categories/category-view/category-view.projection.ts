import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventStore, RecordedEvent, Subscription } from '@collab/event-store';
import type { CategoryDefined, CategoryEvent } from '@collab/intake-domain';
import { EVENT_STORE, runProjection, type Projection } from '@collab/service-kit';
import { CATEGORY_VIEW_DDL, CategoryViewRecord } from './category-view.entity';

const defined = (event: RecordedEvent, data: CategoryDefined['data']): CategoryViewRecord => ({
  id: data.categoryId,
  parentId: data.parentId ?? null,
  names: data.names,
  requestTypes: data.requestTypes ? [...data.requestTypes] : null,
  status: 'active',
  definedAt: new Date(data.definedAt),
  changedAt: new Date(data.definedAt),
  version: event.streamVersion,
});

/** Keeps intake.category_view equal to the fold of the category streams; other intake events pass by. */
@Injectable()
export class CategoryViewProjection implements Projection, OnApplicationBootstrap, OnModuleDestroy {
  readonly name = 'intake.category-view';
  readonly schema = 'intake';
  readonly setupSql = CATEGORY_VIEW_DDL;
  private subscription?: Subscription;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = await runProjection(this.store, this.dataSource, this);
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscription?.stop();
  }

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    const views = tx.getRepository(CategoryViewRecord);
    for (const event of events) {
      const categoryEvent = { type: event.type, data: event.data } as CategoryEvent;
      switch (categoryEvent.type) {
        case 'CategoryDefined':
          await views.upsert(defined(event, categoryEvent.data), ['id']);
          break;
        case 'CategoryRenamed': {
          const { categoryId, names, renamedAt } = categoryEvent.data;
          await views.update(
            { id: categoryId },
            { names, changedAt: new Date(renamedAt), version: event.streamVersion },
          );
          break;
        }
        case 'CategoryRetired': {
          const { categoryId, retiredAt } = categoryEvent.data;
          await views.update(
            { id: categoryId },
            { status: 'retired', changedAt: new Date(retiredAt), version: event.streamVersion },
          );
          break;
        }
        default:
          break;
      }
    }
  }
}
