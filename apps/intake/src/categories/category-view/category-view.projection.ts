import { Injectable } from '@nestjs/common';
import { CATEGORY_EVENT_TYPES } from '@collab/intake-domain';
import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@collab/event-store';
import type { CategoryDefined, CategoryEvent } from '@collab/intake-domain';
import { Projection } from '@collab/service-kit';
import { CategoryViewRecord } from './category-view.entity';

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
export class CategoryViewProjection extends Projection {
  readonly name = 'intake.category-view';
  readonly log = 'intake';
  readonly handles = CATEGORY_EVENT_TYPES;
  readonly tables = ['intake.category_view'];
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
