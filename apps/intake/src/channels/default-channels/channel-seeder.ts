import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventStore } from '@collab/event-store';
import {
  DEFAULT_CHANNELS,
  type ChannelCommand,
  type ChannelEvent,
  type ChannelState,
  type RegisterChannel,
} from '@collab/intake-domain';
import type { DecisionContext } from '@collab/domain-kernel';
import { CLOCK, EVENT_STORE, seedOnce, type Clock, type CommandHandler } from '@collab/service-kit';
import { channelCommandHandler } from '../channel-commands';



/**
 * Registers the default channels before the API listens. Idempotent: a channel whose stream
 * exists is left as it is, and the event ids are deterministic, so two replicas seeding at the
 * same moment write each channel once. Appends run one after another over the one connection.
 */
@Injectable()
export class ChannelSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('ChannelSeeder');
  private readonly channels: CommandHandler<ChannelCommand, ChannelEvent, ChannelState, DecisionContext>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.channels = channelCommandHandler(store);
  }

  async onApplicationBootstrap(): Promise<void> {
    let seeded = 0;
    for (const channel of DEFAULT_CHANNELS) if (await this.seed(channel)) seeded += 1;
    if (seeded > 0) this.logger.log(`registered ${seeded} default channels`);
  }

  private seed(channel: RegisterChannel): Promise<boolean> {
    const key = `channel/${channel.channelId}`;
    return seedOnce(this.channels, { command: channel, context: { now: this.clock.now() }, key, seededBy: 'intake.seed' });
  }
}
