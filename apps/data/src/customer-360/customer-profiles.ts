import { Inject, Injectable } from '@nestjs/common';
import { FACT_KINDS } from '@collab/data-domain';
import { holds, NotFound } from '@collab/domain-kernel';
import { DATABASE, type Database, type Principal } from '@collab/service-kit';
import { CustomerTags } from '../tags/customer-tags';
import { profileOf, type CaseRow, type FactRow, type TaskRow } from './customer-profile';
import type { CustomerProfile } from './customer-profile.answers';

/**
 * Customer 360 (服务需求集中展现) from the fact store: one customer's contacts, cases, legs, CSAT and
 * articles across every service. Staff see every case; a requester only their own (as `me` or by
 * their customer id); a partner only the cases it has tasks on. What the caller may not see is not found.
 */
@Injectable()
export class CustomerProfiles {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly tags: CustomerTags,
  ) {}

  /** The customer `me` stands for: the one whose contacts carried the caller's subject as requester id. */
  async customerOfCaller(principal: Principal): Promise<string> {
    const { rows } = await this.database.pool.query<{ customer_id: string }>(
      'select customer_id from data.case_dim where requester_id = $1 and customer_id is not null order by opened_at desc nulls last limit 1',
      [principal.subject],
    );
    const own = rows[0]?.customer_id;
    if (own === undefined) throw new NotFound('customer', 'me');
    return own;
  }

  async profile(customerId: string, principal: Principal): Promise<CustomerProfile> {
    const cases = await this.visibleCases(customerId, principal);
    if (cases.length === 0) throw new NotFound('customer', customerId);
    const caseIds = cases.map((row) => row.case_id);
    const facts = (await this.database.pool.query<FactRow>(
      `select event_id, source, kind, at, case_id, channel, from_unit, unit, partner, task_id, calendar_minutes, business_minutes, csat, detail
       from data.fact where case_id = any($1::uuid[]) order by at, array_position($2::text[], kind), event_id`,
      // Facts at the same instant in the order of the case's life (opened before queued), not in their ids' random order.
      [caseIds, FACT_KINDS],
    )).rows;
    const tasks = (await this.database.pool.query<TaskRow>('select * from data.task_dim where case_id = any($1::uuid[]) order by requested_at', [caseIds])).rows;
    const used = [...new Set(facts.flatMap((fact) => (fact.kind === 'CASE_RESOLVED' ? ((fact.detail['knowledgeArticleIds'] as string[] | undefined) ?? []) : [])))];
    const articles = (await this.database.pool.query<{ article_id: string; title: string; language: string }>(
      `select distinct on (detail->>'articleId') detail->>'articleId' as article_id, detail->>'title' as title, detail->>'language' as language
       from data.fact where kind = 'ARTICLE_PUBLISHED' and detail->>'articleId' = any($1::text[]) order by detail->>'articleId', at desc`,
      [used],
    )).rows;
    const tags = (await this.tags.of(customerId)).map((tag) => tag.tag);
    return profileOf({ customerId, cases, facts, tasks, articles, tags });
  }

  /** Not found unless the caller may see some of the customer's cases (the profile's rule, for what hangs off a customer). */
  async requireVisible(customerId: string, principal: Principal): Promise<void> {
    if ((await this.visibleCases(customerId, principal)).length === 0) throw new NotFound('customer', customerId);
  }

  private async visibleCases(customerId: string, principal: Principal): Promise<CaseRow[]> {
    const { rows } = await this.database.pool.query<CaseRow>('select * from data.case_dim where customer_id = $1 order by opened_at', [customerId]);
    if (holds(principal, 'staff')) return rows;
    if (holds(principal, 'partner-staff') && principal.partner !== undefined) {
      const { rows: served } = await this.database.pool.query<{ case_id: string }>(
        `select distinct case_id from data.task_dim where to_kind = 'PARTNER' and to_id = $1 and case_id = any($2::uuid[])`,
        [principal.partner, rows.map((row) => row.case_id)],
      );
      const ids = new Set(served.map((row) => row.case_id));
      return rows.filter((row) => ids.has(row.case_id));
    }
    return rows.some((row) => row.requester_id === principal.subject) ? rows : [];
  }
}
