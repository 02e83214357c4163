import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@collab/event-store';
import type { CustomerTagsEvent, TagRuleEvent } from '@collab/data-domain';
import { Projection } from '@collab/service-kit';

/**
 * The rules in force (data.tag_rule): a fold of the rule streams alone, so it can be rebuilt. The
 * reviews a new version or a retirement asks for are TagRuleReviewsReactor's.
 */
@Injectable()
export class TagRulesProjection extends Projection {
  readonly name = 'data.tag-rules';
  readonly log = 'data';
  readonly handles = ['TagRuleDefined', 'TagRuleRetired'];
  readonly tables = ['data.tag_rule'];

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as TagRuleEvent;
      if (event.type === 'TagRuleDefined') {
        const { tag, version, description, conditions } = event.data;
        await tx.query(
          `insert into data.tag_rule (tag, version, description, conditions, retired) values ($1, $2, $3, $4::jsonb, false)
           on conflict (tag) do update set version = excluded.version, description = excluded.description, conditions = excluded.conditions, retired = false
           where data.tag_rule.version <= excluded.version`,
          [tag, version, description, JSON.stringify(conditions)],
        );
      } else {
        await tx.query('update data.tag_rule set retired = true where tag = $1 and version <= $2', [event.data.tag, event.data.version]);
      }
    }
  }
}

/** Each customer's tags as their streams say (data.customer_tag); a later stream version always wins. */
@Injectable()
export class CustomerTagsProjection extends Projection {
  readonly name = 'data.customer-tags';
  readonly log = 'data';
  readonly handles = ['CustomerTagged', 'CustomerUntagged'];
  readonly tables = ['data.customer_tag'];

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as CustomerTagsEvent;
      if (event.type === 'CustomerTagged') {
        const { customerId, tag, ruleVersion, taggedAt } = event.data;
        await tx.query(
          `insert into data.customer_tag (customer_id, tag, rule_version, tagged_at, stream_version) values ($1, $2, $3, $4, $5)
           on conflict (customer_id, tag) do update set rule_version = excluded.rule_version, tagged_at = excluded.tagged_at, stream_version = excluded.stream_version
           where data.customer_tag.stream_version < excluded.stream_version`,
          [customerId, tag, ruleVersion, new Date(taggedAt), recorded.streamVersion],
        );
      } else {
        await tx.query('delete from data.customer_tag where customer_id = $1 and tag = $2 and stream_version < $3', [event.data.customerId, event.data.tag, recorded.streamVersion]);
      }
    }
  }
}
