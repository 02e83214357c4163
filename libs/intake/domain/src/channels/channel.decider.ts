import {
  IllegalTransition,
  ValidationFailed,
  assertNever,
  type Decider,
  type DecisionContext,
  type FieldError,
} from '@collab/domain-kernel';
import { AUDIENCES, type Audience, type ChannelKind } from '../contact';
import type { ChannelEvent, ChannelSettings } from './channel.events';

/** A channel id is a lowercase slug: `app`, `wechat`, `partner-api`, `gd-sz-store-hotline`. */
export const CHANNEL_ID_PATTERN = /^[a-z][a-z0-9-]{1,62}$/;
/** A calendar id is a slug too (`cn-standard`, `24x7`); calendars themselves are managed elsewhere. */
export const CALENDAR_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** BCP 47, loosely: `zh-Hans`, `en`, `fi`, `ja`, `zh-Hant-HK`. */
export const LANGUAGE_TAG_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export interface RegisterChannel extends ChannelSettings {
  readonly type: 'RegisterChannel';
  readonly channelId: string;
  readonly kind: ChannelKind;
  /** Defaults to true; a channel may be registered ahead of its launch and enabled later. */
  readonly enabled?: boolean;
}

export interface ChangeChannel {
  readonly type: 'ChangeChannel';
  readonly channelId: string;
  readonly changes: Partial<ChannelSettings>;
}

export interface EnableChannel {
  readonly type: 'EnableChannel';
  readonly channelId: string;
  readonly reason?: string;
}

export interface DisableChannel {
  readonly type: 'DisableChannel';
  readonly channelId: string;
  readonly reason?: string;
}

export type ChannelCommand = RegisterChannel | ChangeChannel | EnableChannel | DisableChannel;

export interface RegisteredChannel extends ChannelSettings {
  readonly channelId: string;
  readonly kind: ChannelKind;
}

export type ChannelState =
  | { readonly status: 'unregistered' }
  | { readonly status: 'enabled' | 'disabled'; readonly channel: RegisteredChannel };

type Registered = Extract<ChannelState, { channel: RegisteredChannel }>;

const SETTING_KEYS = ['name', 'audiences', 'calendarId', 'defaultLanguage'] as const;

const evolve = (state: ChannelState, event: ChannelEvent): ChannelState => {
  switch (event.type) {
    case 'ChannelRegistered': {
      const { enabled, registeredAt: _registeredAt, ...channel } = event.data;
      return { status: enabled ? 'enabled' : 'disabled', channel };
    }
    case 'ChannelChanged': {
      if (state.status === 'unregistered') return state;
      const { channelId: _channelId, changedAt: _changedAt, ...changes } = event.data;
      return { ...state, channel: { ...state.channel, ...changes } };
    }
    case 'ChannelEnabled':
      return state.status === 'unregistered' ? state : { ...state, status: 'enabled' };
    case 'ChannelDisabled':
      return state.status === 'unregistered' ? state : { ...state, status: 'disabled' };
    default:
      return assertNever(event);
  }
};

/** IllegalTransition's own message speaks of "the case"; a channel's refusal names the channel. */
const refused = (command: ChannelCommand, state: ChannelState, reason: string): IllegalTransition =>
  Object.assign(new IllegalTransition(command.type, state.status, reason), { message: `${command.type} is not allowed: ${reason}` });

const invalidSettings = (settings: Partial<ChannelSettings>): FieldError[] => {
  const errors: FieldError[] = [];
  if (settings.name?.trim() === '') errors.push({ field: 'name', message: 'must not be empty' });
  if (settings.audiences?.length === 0) errors.push({ field: 'audiences', message: 'must name at least one audience' });
  if (settings.calendarId !== undefined && !CALENDAR_ID_PATTERN.test(settings.calendarId))
    errors.push({ field: 'calendarId', message: 'must be a calendar id such as cn-standard or 24x7' });
  if (settings.defaultLanguage !== undefined && !LANGUAGE_TAG_PATTERN.test(settings.defaultLanguage))
    errors.push({ field: 'defaultLanguage', message: 'must be a BCP 47 language tag such as zh-Hans, ja, fi or en' });
  return errors;
};

const validated = <Settings extends Partial<ChannelSettings>>(settings: Settings, extra: FieldError[] = []): Settings => {
  const errors = [...extra, ...invalidSettings(settings)];
  if (errors.length > 0) throw new ValidationFailed(errors);
  // One spelling of a set of audiences: each once, in the vocabulary's order.
  if (!settings.audiences) return settings;
  const audiences: Audience[] = AUDIENCES.filter((audience) => settings.audiences?.includes(audience));
  return { ...settings, audiences };
};

const register = (command: RegisterChannel, state: ChannelState, at: string): ChannelEvent[] => {
  if (state.status !== 'unregistered') throw refused(command, state, `channel "${command.channelId}" is already registered`);
  const badId = CHANNEL_ID_PATTERN.test(command.channelId) ? [] : [{ field: 'id', message: 'must be a lowercase slug such as app or partner-api' }];
  const { type: _type, channelId, kind, enabled, ...settings } = command;
  return [{ type: 'ChannelRegistered', data: { channelId, kind, ...validated(settings, badId), enabled: enabled ?? true, registeredAt: at } }];
};

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Only what really differs is recorded; changing nothing records nothing. */
const change = (command: ChangeChannel, state: Registered, at: string): ChannelEvent[] => {
  const wanted = validated(command.changes);
  const changed = SETTING_KEYS.filter((key) => wanted[key] !== undefined && !sameValue(wanted[key], state.channel[key]));
  if (changed.length === 0) return [];
  const changes = Object.fromEntries(changed.map((key) => [key, wanted[key]])) as Partial<ChannelSettings>;
  return [{ type: 'ChannelChanged', data: { channelId: command.channelId, ...changes, changedAt: at } }];
};

const registered = (command: ChannelCommand, state: ChannelState): Registered => {
  if (state.status === 'unregistered') throw refused(command, state, `channel "${command.channelId}" is not registered`);
  return state;
};

const switched = (command: EnableChannel | DisableChannel, state: ChannelState, at: string): ChannelEvent[] => {
  const wantedStatus = command.type === 'EnableChannel' ? 'enabled' : 'disabled';
  if (registered(command, state).status === wantedStatus) throw refused(command, state, `channel "${command.channelId}" is already ${wantedStatus}`);
  const reason = command.reason ? { reason: command.reason } : {};
  return command.type === 'EnableChannel'
    ? [{ type: 'ChannelEnabled', data: { channelId: command.channelId, enabledAt: at, ...reason } }]
    : [{ type: 'ChannelDisabled', data: { channelId: command.channelId, disabledAt: at, ...reason } }];
};

const decide = (command: ChannelCommand, state: ChannelState, context: DecisionContext): ChannelEvent[] => {
  const at = context.now.toISOString();
  switch (command.type) {
    case 'RegisterChannel':
      return register(command, state, at);
    case 'ChangeChannel':
      return change(command, registered(command, state), at);
    case 'EnableChannel':
    case 'DisableChannel':
      return switched(command, state, at);
    default:
      return assertNever(command);
  }
};

/** One registered channel: its kind, whom it serves, its service hours, and whether it takes contacts. */
export const channelDecider: Decider<ChannelCommand, ChannelEvent, ChannelState> = {
  initialState: () => ({ status: 'unregistered' }),
  evolve,
  decide,
};

export const channelStreamId = (channelId: string): string => `channel-${channelId}`;
