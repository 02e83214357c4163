import { Injectable } from '@nestjs/common';
import { CHANNEL_ID_PATTERN, channelStreamId, type Audience, type ChannelEvent } from '@collab/intake-domain';
import { NotFound, ValidationFailed } from '@collab/service-kit';
import { IntakeFolds } from '../folds/intake-folds';
import type { ChannelLookup } from '../intake.ports';
import { channelViewOf } from './channel-view/channel-view';
import type { ChannelView } from '../intake.answers';

const refuse = (message: string): never => {
  throw new ValidationFailed([{ field: 'channel', message }]);
};

/**
 * Which channels exist and whether one may take a contact. It asks the channels' folds in memory
 * (IntakeFolds), not channel_view: the projection follows the log a moment behind, and a contact
 * arriving right after an administrator disabled its channel must be refused. This replica's own
 * changes are in the folds at once, another replica's within a fraction of a second.
 */
@Injectable()
export class ChannelDirectory implements ChannelLookup {
  constructor(private readonly folds: IntakeFolds) {}

  async find(channelId: string): Promise<ChannelView | undefined> {
    if (!CHANNEL_ID_PATTERN.test(channelId)) return undefined;
    const { state, version } = await this.folds.channels.get(channelStreamId(channelId));
    return state.status === 'unregistered' ? undefined : channelViewOf(state, version);
  }

  /** What this replica just appended to a channel's stream, so its next contact sees it at once. */
  remember(streamId: string, events: readonly ChannelEvent[], versionAfter: number): void {
    this.folds.channels.remember(streamId, events, versionAfter);
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
