import { Inject, Injectable } from '@nestjs/common';
import { cursorOf, DATABASE, keyAfter, type Database, type ListPage, type PageRequest } from '@collab/service-kit';
import type { CustomerTag, TaggedCustomer } from './tags.answers';

/** Reads the tag store (data.customer_tag): a customer's tags, and the customers holding a tag, paged by customer id. */
@Injectable()
export class CustomerTags {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async of(customerId: string): Promise<CustomerTag[]> {
    const { rows } = await this.database.pool.query<{ tag: string; rule_version: number; tagged_at: Date }>(
      'select tag, rule_version, tagged_at from data.customer_tag where customer_id = $1 order by tag',
      [customerId],
    );
    return rows.map((row) => ({ tag: row.tag, ruleVersion: row.rule_version, taggedAt: row.tagged_at.toISOString() }));
  }

  async holding(tag: string, page: PageRequest): Promise<ListPage<TaggedCustomer>> {
    const after = keyAfter(page.after);
    const { rows } = await this.database.pool.query<{ customer_id: string; rule_version: number; tagged_at: Date }>(
      `select customer_id, rule_version, tagged_at from data.customer_tag
        where tag = $1 and ($2::text is null or customer_id::text > $2) order by customer_id::text limit $3`,
      [tag, after ?? null, page.limit + 1],
    );
    const { rows: counted } = await this.database.pool.query<{ total: number }>('select count(*)::int as total from data.customer_tag where tag = $1', [tag]);
    const items = rows.slice(0, page.limit).map((row) => ({ customerId: row.customer_id, ruleVersion: row.rule_version, taggedAt: row.tagged_at.toISOString() }));
    const last = items.at(-1);
    return { items, page: { limit: page.limit, next: rows.length > page.limit && last ? cursorOf(last.customerId) : null, total: counted[0]?.total ?? 0 } };
  }
}
