import type { Audience, ChannelKind, ChannelState } from '@collab/intake-domain';

/** A channel as the API shows it and as intake's other features consult it. */
export interface ChannelView {
  readonly id: string;
  readonly kind: ChannelKind;
  readonly name: string;
  readonly audiences: readonly Audience[];
  readonly enabled: boolean;
  readonly calendarId: string;
  readonly defaultLanguage: string;
  /** The channel stream's version: how many changes it has seen. */
  readonly version: number;
}

export type RegisteredChannelState = Extract<ChannelState, { channel: unknown }>;

export const channelViewOf = ({ status, channel }: RegisteredChannelState, version: number): ChannelView => ({
  id: channel.channelId,
  kind: channel.kind,
  name: channel.name,
  audiences: channel.audiences,
  enabled: status === 'enabled',
  calendarId: channel.calendarId,
  defaultLanguage: channel.defaultLanguage,
  version,
});
