import { Inject, Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@collab/event-store';
import type { TagRuleEvent } from '@collab/data-domain';
import { NotYetKnown } from '@collab/following';
import { DATABASE, LogReactor, type Database } from '@collab/service-kit';
import { reviewEveryone } from './tag-reviews';

/** The rule's event has not reached data.tag_rule yet: a review fired now would judge by the rules before it. */
class RuleNotFoldedYet extends NotYetKnown {
  override readonly name = 'RuleNotFoldedYet';
}

/**
 * A new rule version or a retirement asks for every known customer to be judged again. Kept apart
 * from the rules projection so that the projection is a pure fold of the rule streams (rebuildable):
 * reviews are asked once, here, under this reactor's own checkpoint, never again by a rebuild. It
 * waits until the projection holds the event (retried as `waiting`), so a review never judges by
 * older rules; the review ids name the rule's event, so a reaction repeated asks nothing twice.
 */
@Injectable()
export class TagRuleReviewsReactor extends LogReactor {
  readonly name = 'data.tag-rule-reviews';
  readonly log = 'data';
  readonly handles = ['TagRuleDefined', 'TagRuleRetired'];

  constructor(@Inject(DATABASE) private readonly database: Database) {
    super();
  }

  async react(recorded: RecordedEvent): Promise<void> {
    const event = { type: recorded.type, data: recorded.data } as TagRuleEvent;
    const { pool } = this.database;
    const folded = event.type === 'TagRuleDefined'
      ? 'select 1 from data.tag_rule where tag = $1 and version >= $2'
      : 'select 1 from data.tag_rule where tag = $1 and (version > $2 or retired)';
    if ((await pool.query(folded, [event.data.tag, event.data.version])).rowCount === 0)
      throw new RuleNotFoldedYet(`tag rule ${event.data.tag} version ${event.data.version} is not in data.tag_rule yet`);
    await reviewEveryone(pool, recorded.id, new Date(event.type === 'TagRuleDefined' ? event.data.definedAt : event.data.retiredAt));
  }
}
