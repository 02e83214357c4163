import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { FoldFeed, StreamFoldCache, type EventStore } from '@collab/event-store';
import { defaultCalendars } from '@collab/business-calendar';
import {
  DEFAULT_CATEGORIES,
  DEFAULT_CHANNELS,
  calendarDecider,
  calendarStreamId,
  categoryStreamId,
  channelStreamId,
  categoryDecider,
  channelDecider,
  type CalendarEvent,
  type CalendarState,
  type CategoryEvent,
  type CategoryState,
  type ChannelEvent,
  type ChannelState,
} from '@collab/intake-domain';
import { EVENT_STORE, HostedServices } from '@collab/service-kit';

/**
 * Channels, categories and calendars as every contact consults them, folded in memory and kept
 * current by following intake's log, so a contact reads none of their streams. Each replica keeps
 * its own folds (a cache, not a single-owner follower); this replica's own changes are remembered
 * the moment they are appended, other replicas' arrive through the log a moment later, and a
 * stream not in memory (met for the first time, or defined a moment ago elsewhere) is read. The
 * feed is one more follower of intake's log at its head: it reads through the process's shared
 * reader, which NOTIFY wakes when another replica commits.
 */
@Injectable()
export class IntakeFolds implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('IntakeFolds');
  readonly channels: StreamFoldCache<ChannelEvent, ChannelState>;
  readonly categories: StreamFoldCache<CategoryEvent, CategoryState>;
  readonly calendars: StreamFoldCache<CalendarEvent, CalendarState>;
  private readonly feed: FoldFeed;

  constructor(@Inject(EVENT_STORE) store: EventStore, hosted: HostedServices) {
    this.channels = new StreamFoldCache(store, channelDecider, (streamId) => streamId.startsWith('channel-'));
    this.categories = new StreamFoldCache(store, categoryDecider, (streamId) => streamId.startsWith('category-'));
    this.calendars = new StreamFoldCache(store, calendarDecider, (streamId) => streamId.startsWith('calendar-'));
    this.feed = new FoldFeed(store, hosted.get('intake')!.reader, [this.channels, this.categories, this.calendars], {
      onError: (error) => this.logger.warn(`following intake's log failed, folds cleared and following again: ${String(error)}`),
    });
  }

  /**
   * Follows from the head of the log, then loads the defaults in one read per family (nothing yet
   * on a first start: the seeders' appends then reach the folds through the log). Anything else is
   * read when first asked for.
   */
  async onModuleInit(): Promise<void> {
    await this.feed.start();
    await this.channels.getMany(DEFAULT_CHANNELS.map((channel) => channelStreamId(channel.channelId)));
    await this.categories.getMany(DEFAULT_CATEGORIES.map((category) => categoryStreamId(category.categoryId)));
    await this.calendars.getMany(defaultCalendars().map((calendar) => calendarStreamId(calendar.id)));
  }

  onModuleDestroy(): Promise<void> {
    return this.feed.stop();
  }
}
