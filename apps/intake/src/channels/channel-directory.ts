import { Inject, Injectable } from '@nestjs/common';
import { AggregateStreams, type EventStore } from '@collab/event-store';
import {
  CHANNEL_ID_PATTERN,
  channelDecider,
  channelStreamId,
  type Audience,
  type ChannelCommand,
  type ChannelEvent,
  type ChannelState,
} from '@collab/intake-domain';
import type { DecisionContext } from '@collab/domain-kernel';
import { EVENT_STORE, NotFound, ValidationFailed } from '@collab/service-kit';
import type { ChannelLookup } from '../intake.ports';
import { channelViewOf, type ChannelView } from './channel-view/channel-view';

const refuse = (message: string): never => {
  throw new ValidationFailed([{ field: 'channel', message }]);
};

/**
 * Which channels exist and whether one may take a contact. It folds the channel's own stream (a
 * handful of events) instead of reading channel_view: the projection follows the log a moment
 * behind, and a contact arriving right after an administrator disabled its channel must be refused.
 */
@Injectable()
export class ChannelDirectory implements ChannelLookup {
  private readonly channels: AggregateStreams<ChannelCommand, ChannelEvent, ChannelState, DecisionContext>;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.channels = new AggregateStreams(store, channelDecider);
  }

  async find(channelId: string): Promise<ChannelView | undefined> {
    if (!CHANNEL_ID_PATTERN.test(channelId)) return undefined;
    const { state, version } = await this.channels.load(channelStreamId(channelId));
    return state.status === 'unregistered' ? undefined : channelViewOf(state, version);
  }

  /** The channel, or NotFound (404). */
  async require(channelId: string): Promise<ChannelView> {
    const channel = await this.find(channelId);
    if (!channel) throw new NotFound('channel', channelId);
    return channel;
  }

  /** The channel if it is registered, enabled and serves this audience; otherwise ValidationFailed naming `channel`. */
  async requireAcceptingContacts(channelId: string, audience: Audience): Promise<ChannelView> {
    const channel = (await this.find(channelId)) ?? refuse(`unknown channel "${channelId}"`);
    if (!channel.enabled) refuse(`channel "${channelId}" is disabled`);
    if (!channel.audiences.includes(audience))
      refuse(`channel "${channelId}" does not serve audience ${audience}`);
    return channel;
  }
}
