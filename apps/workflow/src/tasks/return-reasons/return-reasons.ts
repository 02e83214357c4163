import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventStore } from '@collab/event-store';
import type { DecisionContext } from '@collab/domain-kernel';
import { CLOCK, CommandHandler, EVENT_STORE, seedOnce, type Clock, type CommandOrigin } from '@collab/service-kit';
import {
  DEFAULT_RETURN_REASONS,
  RETURN_REASONS_STREAM_ID,
  returnReasonListDecider,
  type ReturnReasonCommand,
  type ReturnReasonEvent,
  type ReturnReasonList,
  type ReturnReasonListState,
} from '@collab/workflow-domain';

/**
 * 退单原因: the managed list on the `return-reasons` stream. Seeded once with the defaults before
 * the API listens; administrators define and retire reasons; the task commands check a return
 * against the list as it is now.
 */
@Injectable()
export class ReturnReasons implements OnApplicationBootstrap {
  private readonly logger = new Logger('ReturnReasons');
  private readonly streams: CommandHandler<
    ReturnReasonCommand,
    ReturnReasonEvent,
    ReturnReasonListState,
    DecisionContext
  >;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    // The decider re-checks the list on every attempt, so deciding again is always safe.
    this.streams = new CommandHandler(store, returnReasonListDecider, { streamOf: () => RETURN_REASONS_STREAM_ID, retriesOnConflict: 3 });
  }

  async onApplicationBootstrap(): Promise<void> {
    const command: ReturnReasonCommand = {
      type: 'SeedReturnReasons',
      reasons: DEFAULT_RETURN_REASONS,
      actor: { id: 'workflow.seed', kind: 'system' },
    };
    const seeded = await seedOnce(this.streams, {
      command,
      context: { now: this.clock.now() },
      key: 'return-reasons/defaults',
      seededBy: 'workflow.seed',
    });
    if (seeded) this.logger.log(`seeded ${DEFAULT_RETURN_REASONS.length} default return reasons`);
  }

  /** The list as it is now, retired reasons included (they stay for history). */
  async current(): Promise<ReturnReasonList> {
    return (await this.streams.load(RETURN_REASONS_STREAM_ID)).state.reasons;
  }

  /** Runs an administrator's change and answers with the list as it now is. */
  async execute(command: ReturnReasonCommand, origin: CommandOrigin): Promise<ReturnReasonList> {
    const handled = await this.streams.handle(command, { now: this.clock.now() }, { origin });
    return handled.events.reduce(returnReasonListDecider.evolve, handled.state).reasons;
  }
}
