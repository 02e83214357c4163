import type { Audience, ChannelKind } from '@collab/intake-domain';

/** A channel that may take this contact: registered, enabled, serving the caller's audience. */
export interface AcceptingChannel {
  readonly id: string;
  readonly kind: ChannelKind;
  readonly calendarId: string;
  readonly defaultLanguage: string;
}

export interface ChannelLookup {
  /** Throws ValidationFailed naming `channel` when unknown, disabled or not serving the audience. */
  requireAcceptingContacts(channelId: string, audience: Audience): Promise<AcceptingChannel>;
}

export interface CategoryLookup {
  /** Throws ValidationFailed naming `category` when unknown or retired. */
  requireUsable(categoryId: string): Promise<unknown>;
}

export const CHANNEL_LOOKUP = Symbol('CHANNEL_LOOKUP');
export const CATEGORY_LOOKUP = Symbol('CATEGORY_LOOKUP');

export interface CalendarLookup {
  /** Throws ValidationFailed naming `calendarId` when no such calendar exists. */
  require(calendarId: string): Promise<import('@collab/business-calendar').BusinessCalendar>;
}

export const CALENDAR_LOOKUP = Symbol('CALENDAR_LOOKUP');
