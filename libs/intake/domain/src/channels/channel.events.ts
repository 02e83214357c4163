import type { Audience, ChannelKind } from '../contact';

/** What an administrator may change about a channel after registering it. */
export interface ChannelSettings {
  readonly name: string;
  /** Which kinds of customer may reach the platform through this channel. */
  readonly audiences: readonly Audience[];
  /** The business calendar its service hours follow (calendars are managed elsewhere). */
  readonly calendarId: string;
  /** BCP 47 tag used when a contact's language cannot be told from its text. */
  readonly defaultLanguage: string;
}

/** A channel joined the registry (统一接入: one registry for every way in). */
export interface ChannelRegistered {
  readonly type: 'ChannelRegistered';
  readonly data: ChannelSettings & {
    readonly channelId: string;
    readonly kind: ChannelKind;
    readonly enabled: boolean;
    readonly registeredAt: string;
  };
}

/** Some settings of a channel changed; only the changed ones are carried. */
export interface ChannelChanged {
  readonly type: 'ChannelChanged';
  readonly data: Partial<ChannelSettings> & { readonly channelId: string; readonly changedAt: string };
}

/** The channel takes contacts again. */
export interface ChannelEnabled {
  readonly type: 'ChannelEnabled';
  readonly data: { readonly channelId: string; readonly enabledAt: string; readonly reason?: string };
}

/** The channel takes no contacts until it is enabled again; contacts on it are refused. */
export interface ChannelDisabled {
  readonly type: 'ChannelDisabled';
  readonly data: { readonly channelId: string; readonly disabledAt: string; readonly reason?: string };
}

export type ChannelEvent = ChannelRegistered | ChannelChanged | ChannelEnabled | ChannelDisabled;

export const CHANNEL_EVENT_TYPES: readonly ChannelEvent['type'][] = ['ChannelRegistered', 'ChannelChanged', 'ChannelEnabled', 'ChannelDisabled'];
