import type { ChannelState } from '@collab/intake-domain';
import type { ChannelView } from '../../intake.answers';

export type RegisteredChannelState = Extract<ChannelState, { channel: unknown }>;

export const channelViewOf = ({ status, channel }: RegisteredChannelState, version: number): ChannelView => ({
  id: channel.channelId,
  kind: channel.kind,
  name: channel.name,
  audiences: [...channel.audiences],
  enabled: status === 'enabled',
  calendarId: channel.calendarId,
  defaultLanguage: channel.defaultLanguage,
  version,
});
