import type { Audience, ChannelKind } from '../contact';
import type { RegisterChannel } from './channel.decider';

/** Service hours of staffed channels (calendars are managed elsewhere; this is a reference). */
export const STANDARD_CALENDAR_ID = 'cn-standard';
/** Channels that never close: self-service and automated ones. */
export const ALWAYS_ON_CALENDAR_ID = '24x7';
export const DEFAULT_CHANNEL_LANGUAGE = 'zh-Hans';

/** The id a kind's default channel gets: `PHONE` → `phone`, `AI_BOT` → `ai-bot`. */
export const defaultChannelIdOf = (kind: ChannelKind): string => kind.toLowerCase().replace(/_/g, '-');

const channel = (kind: ChannelKind, name: string, audiences: readonly Audience[], calendarId = STANDARD_CALENDAR_ID): RegisterChannel => ({
  type: 'RegisterChannel',
  channelId: defaultChannelIdOf(kind),
  kind,
  name,
  audiences,
  calendarId,
  defaultLanguage: DEFAULT_CHANNEL_LANGUAGE,
  enabled: true,
});

/**
 * What a new installation starts with: one channel per kind. Administrators change, disable or
 * add to them through the API; a seed never overwrites a channel that already exists.
 */
export const DEFAULT_CHANNELS: readonly RegisterChannel[] = [
  channel('PHONE', 'Service hotline', ['EXTERNAL', 'INTERNAL']),
  channel('IVR', 'Interactive voice response', ['EXTERNAL'], ALWAYS_ON_CALENDAR_ID),
  channel('WEB', 'Website', ['EXTERNAL'], ALWAYS_ON_CALENDAR_ID),
  channel('APP', 'Mobile app', ['EXTERNAL'], ALWAYS_ON_CALENDAR_ID),
  channel('EMAIL', 'Email', ['EXTERNAL', 'INTERNAL']),
  channel('CHAT', 'Online chat', ['EXTERNAL', 'INTERNAL']),
  channel('WECHAT', 'WeChat official account', ['EXTERNAL']),
  channel('WEIBO', 'Weibo', ['EXTERNAL']),
  channel('AI_BOT', 'AI assistant', ['EXTERNAL', 'INTERNAL'], ALWAYS_ON_CALENDAR_ID),
  channel('STORE', 'Stores', ['EXTERNAL']),
  channel('FIELD', 'Field service', ['EXTERNAL']),
  // B2B customers reach their account manager; they are external customers too.
  channel('ACCOUNT_MANAGER', 'Account managers (B2B)', ['EXTERNAL']),
  channel('PARTNER_API', 'Partner integration API', ['PARTNER']),
  channel('INTERNAL_PORTAL', 'Internal service portal', ['INTERNAL']),
];
