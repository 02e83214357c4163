import { Inject, Injectable } from '@nestjs/common';
import { tagRuleDecider, tagRuleStreamId, type TagCondition, type TagRuleCommand, type TagRuleEvent, type TagRuleState } from '@collab/data-domain';
import { NotFound, type DecisionContext } from '@collab/domain-kernel';
import type { EventStore } from '@collab/event-store';
import { CLOCK, CommandHandler, DATABASE, EVENT_STORE, type Clock, type CommandOrigin, type Database } from '@collab/service-kit';
import type { TagRuleView } from './tags.answers';

/** The domain's conditions as the answer carries them (its lists copied, not shared). */
const conditionsOf = (conditions: readonly TagCondition[]): TagRuleView['conditions'] =>
  conditions.map((condition) => (condition.type === 'ATTRIBUTE' ? { ...condition, in: [...condition.in] } : condition));

const viewOf = (tag: string, state: TagRuleState): TagRuleView => {
  if (state.status === 'none') throw new NotFound('tag rule', tag);
  return { tag, version: state.version, status: state.status === 'active' ? 'ACTIVE' : 'RETIRED', description: state.description, conditions: conditionsOf(state.conditions) };
};

/** Runs analysts' commands on the tag-rule streams and reads the rules in force. */
@Injectable()
export class TagRules {
  private readonly rules: CommandHandler<TagRuleCommand, TagRuleEvent, TagRuleState, DecisionContext>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DATABASE) private readonly database: Database,
  ) {
    this.rules = new CommandHandler(store, tagRuleDecider, { streamOf: (command: TagRuleCommand) => tagRuleStreamId(command.tag), retriesOnConflict: 2 });
  }

  async execute(command: TagRuleCommand, origin: CommandOrigin): Promise<TagRuleView> {
    const handled = await this.rules.handle(command, { now: this.clock.now() }, { origin });
    return viewOf(command.tag, handled.events.reduce(tagRuleDecider.evolve, handled.state));
  }

  /** Every rule as its projection holds it, in or out of force. */
  async list(): Promise<TagRuleView[]> {
    const { rows } = await this.database.pool.query<{ tag: string; version: number; description: string; conditions: TagCondition[]; retired: boolean }>(
      'select tag, version, description, conditions, retired from data.tag_rule order by tag',
    );
    return rows.map((row) => ({ tag: row.tag, version: row.version, status: row.retired ? 'RETIRED' : 'ACTIVE', description: row.description, conditions: conditionsOf(row.conditions) }));
  }
}
