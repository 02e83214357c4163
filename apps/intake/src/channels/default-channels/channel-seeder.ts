import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  AggregateStreams,
  EventIdConflict,
  WrongExpectedVersion,
  deterministicEventId,
  type EventMetadata,
  type EventStore,
} from '@collab/event-store';
import {
  DEFAULT_CHANNELS,
  channelDecider,
  channelStreamId,
  type ChannelCommand,
  type ChannelEvent,
  type ChannelState,
  type RegisterChannel,
} from '@collab/intake-domain';
import { IllegalTransition, type DecisionContext } from '@collab/domain-kernel';
import { CLOCK, EVENT_STORE, type Clock } from '@collab/service-kit';

const SEED: EventMetadata = {
  correlationId: deterministicEventId('seed', 'channels'),
  actor: { id: 'intake.seed', kind: 'system' },
};

/** An existing stream means the channel was seeded before (or registered first by an administrator). */
const alreadyThere = (error: unknown): boolean =>
  error instanceof IllegalTransition ||
  error instanceof WrongExpectedVersion ||
  error instanceof EventIdConflict;

/**
 * Registers the default channels before the API listens. Idempotent: a channel whose stream
 * exists is left as it is, and the event ids are deterministic, so two replicas seeding at the
 * same moment write each channel once. Appends run one after another over the one connection.
 */
@Injectable()
export class ChannelSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('ChannelSeeder');
  private readonly channels: AggregateStreams<ChannelCommand, ChannelEvent, ChannelState, DecisionContext>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.channels = new AggregateStreams(store, channelDecider);
  }

  async onApplicationBootstrap(): Promise<void> {
    let seeded = 0;
    for (const channel of DEFAULT_CHANNELS) if (await this.seed(channel)) seeded += 1;
    if (seeded > 0) this.logger.log(`registered ${seeded} default channels`);
  }

  private async seed(channel: RegisterChannel): Promise<boolean> {
    try {
      await this.channels.handle(
        channelStreamId(channel.channelId),
        channel,
        { now: this.clock.now() },
        {
          metadata: SEED,
          eventIdFor: () => deterministicEventId('seed', `channel/${channel.channelId}`),
        },
      );
      return true;
    } catch (error) {
      if (alreadyThere(error)) return false;
      throw error;
    }
  }
}
