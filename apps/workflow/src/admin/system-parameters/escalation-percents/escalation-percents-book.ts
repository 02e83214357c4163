import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@collab/event-store';
import type { DecisionContext } from '@collab/domain-kernel';
import { BriefMemory, CLOCK, CommandHandler, EVENT_STORE, type Clock, type CommandOrigin } from '@collab/service-kit';
import {
  escalationPercentsDecider,
  escalationPercentsOf,
  escalationPercentsStreamId,
  escalationPolicyOf,
  type ChangeEscalationPercents,
  type EscalationPercentsEvent,
  type EscalationPercentsState,
  type EscalationPolicy,
} from '@collab/workflow-domain';

/**
 * The escalation percentages (a system parameter), on their own stream in workflow's store:
 * changed by an administrator through the decider, read by the SLA clock keeper for every clock it
 * starts, and published (EscalationPercentsChanged) for the audit trail.
 */
@Injectable()
export class EscalationPercentsBook {
  private readonly percents: CommandHandler<ChangeEscalationPercents, EscalationPercentsEvent, EscalationPercentsState, DecisionContext>;
  // Every clock start reads them; they change only when an administrator changes them.
  private readonly standing = new BriefMemory<'all', EscalationPercentsState>();

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.percents = new CommandHandler(store, escalationPercentsDecider, {
      streamOf: () => escalationPercentsStreamId,
      // The administrator named the version they saw: a change meanwhile is theirs to see.
      retriesOnConflict: 0,
    });
  }

  state(): Promise<EscalationPercentsState> {
    return this.standing.lookUp('all', async () => (await this.percents.load(escalationPercentsStreamId)).state);
  }

  /** The policy a clock starting now takes instead of its process's; null while none is set. */
  async policy(): Promise<EscalationPolicy | null> {
    return escalationPolicyOf(escalationPercentsOf(await this.state()));
  }

  async change(command: ChangeEscalationPercents, origin: CommandOrigin): Promise<EscalationPercentsState> {
    try {
      const handled = await this.percents.handle(command, { now: this.clock.now() }, { origin });
      return handled.events.reduce(escalationPercentsDecider.evolve, handled.state);
    } finally {
      this.standing.forget();
    }
  }
}
