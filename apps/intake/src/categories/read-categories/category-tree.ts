import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { standingOf, type CategoryStatus } from '@collab/intake-domain';
import { CategoryViewRecord } from '../category-view/category-view.entity';
import type { CategoryNode } from '../../intake.answers';

/** The whole tree, from the read model (it follows the log a moment behind the commands). */
@Injectable()
export class CategoryTree {
  constructor(@InjectRepository(CategoryViewRecord) private readonly views: Repository<CategoryViewRecord>) {}

  async roots(options: { readonly includeRetired: boolean }): Promise<CategoryNode[]> {
    // Sorted here, by code units rather than the database's collation, so that a parent
    // (`billing`) always comes before its children (`billing/refund`): a prefix sorts first.
    const records = (await this.views.find()).sort((a, b) => (a.id < b.id ? -1 : 1));
    const statusOf = new Map<string, CategoryStatus>(records.map((record) => [record.id, record.status]));
    const nodes = new Map<string, CategoryNode>();
    const roots: CategoryNode[] = [];
    for (const record of records) {
      const usable = standingOf(record.id, (id) => statusOf.get(id) ?? 'none').status === 'active';
      if (!usable && !options.includeRetired) continue;
      const node: CategoryNode = {
        id: record.id,
        names: record.names,
        ...(record.requestTypes ? { requestTypes: record.requestTypes } : {}),
        status: record.status,
        usable,
        version: record.version,
        children: [],
      };
      nodes.set(record.id, node);
      const parent = record.parentId === null ? undefined : nodes.get(record.parentId);
      if (parent) parent.children.push(node);
      else roots.push(node);
    }
    return roots;
  }
}
