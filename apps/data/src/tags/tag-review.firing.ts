import { Inject, Injectable } from '@nestjs/common';
import { customerTagsDecider, customerTagsStreamId, verdictOf, type CustomerHistory, type CustomerTagsCommand, type TagCondition, type TagJudgement } from '@collab/data-domain';
import type { DecisionContext } from '@collab/domain-kernel';
import { deterministicEventId, type EventStore } from '@collab/event-store';
import { CommandHandler, DATABASE, EVENT_STORE, type Database } from '@collab/service-kit';
import { reviewAt } from './tag-reviews';

const REVIEWER = { id: 'data.tag-reviews', kind: 'system' } as const;

interface RuleRow {
  tag: string;
  version: number;
  conditions: TagCondition[];
  retired: boolean;
}

/**
 * Judges one customer against every tag rule as of `now` and records what changed on the
 * customer's tag stream; the stream is the judge, so a review repeated (after a crash, on another
 * replica, for a redelivered fact) appends nothing. Where a tag holds until a window passes, it
 * asks for another review at that instant.
 */
@Injectable()
export class TagReviewFiring {
  private readonly tags: CommandHandler<CustomerTagsCommand, ReturnType<typeof customerTagsDecider.decide>[number], ReturnType<typeof customerTagsDecider.initialState>, DecisionContext>;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(EVENT_STORE) store: EventStore,
  ) {
    this.tags = new CommandHandler(store, customerTagsDecider, { streamOf: (command: CustomerTagsCommand) => customerTagsStreamId(command.customerId), retriesOnConflict: 5 });
  }

  async review(review: { id: string; customerId: string }, now: Date): Promise<void> {
    const rules = (await this.database.pool.query<RuleRow>('select tag, version, conditions, retired from data.tag_rule order by tag')).rows;
    const history = await this.historyOf(review.customerId);
    const verdicts = rules.map((rule) => ({ rule, verdict: rule.retired ? { holds: false } : verdictOf(rule, history, now) }));
    const judgements: TagJudgement[] = verdicts.map(({ rule, verdict }) => ({ tag: rule.tag, ruleVersion: rule.version, holds: verdict.holds }));
    await this.tags.handle({ type: 'ReviewCustomerTags', customerId: review.customerId, judgements }, { now }, {
      metadata: { correlationId: review.id, actor: REVIEWER },
      eventIdFor: (_event, index) => deterministicEventId(review.id, `tag-review/${index}`),
    });
    const ends = [...new Set(verdicts.flatMap(({ verdict }) => ('until' in verdict && verdict.until !== undefined ? [verdict.until] : [])))];
    for (const until of ends) await reviewAt(this.database.pool, review.customerId, until);
  }

  private async historyOf(customerId: string): Promise<CustomerHistory> {
    const { pool } = this.database;
    const events = (await pool.query<{ kind: string; at: Date; request_type: string | null; csat: number | null }>(
      `select f.kind, f.at, d.request_type, f.csat from data.fact f join data.case_dim d on d.case_id = f.case_id
        where d.customer_id = $1 order by f.at, f.event_id`,
      [customerId],
    )).rows;
    const latest = (await pool.query<{ customer_tier: string | null; region: string | null }>(
      'select customer_tier, region from data.case_dim where customer_id = $1 order by opened_at desc nulls last limit 1',
      [customerId],
    )).rows[0];
    return {
      events: events.map((event) => ({ kind: event.kind, at: event.at.toISOString(), requestType: event.request_type })),
      tier: latest?.customer_tier ?? null,
      region: latest?.region ?? null,
      ratings: events.flatMap((event) => (event.kind === 'FEEDBACK' && event.csat !== null ? [event.csat] : [])),
    };
  }
}
