import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@collab/event-store';
import {
  CALENDAR_ID_PATTERN,
  channelDecider,
  channelStreamId,
  type ChannelCommand,
  type ChannelEvent,
  type ChannelState,
} from '@collab/intake-domain';
import type { DecisionContext } from '@collab/domain-kernel';
import { CLOCK, CommandHandler, EVENT_STORE, type Clock } from '@collab/service-kit';
import type { CommandOrigin } from '@collab/service-kit';
import { CALENDAR_LOOKUP, type CalendarLookup } from '../intake.ports';
import { ChannelDirectory } from './channel-directory';
import { channelViewOf } from './channel-view/channel-view';
import type { ChannelView } from '../intake.answers';

/** Channel commands run here, for administrators and the seed alike: deciding again on the fresh state is always safe, the decider re-checks everything. */
export const channelCommandHandler = (store: EventStore) =>
  new CommandHandler(store, channelDecider, { streamOf: (command: ChannelCommand) => channelStreamId(command.channelId), retriesOnConflict: 2 });

/** Runs an administrator's command on one channel stream and answers with the channel as it now is. */
@Injectable()
export class ChannelCommands {
  private readonly channels: CommandHandler<ChannelCommand, ChannelEvent, ChannelState, DecisionContext>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly directory: ChannelDirectory,
    @Inject(CALENDAR_LOOKUP) private readonly calendars: CalendarLookup,
  ) {
    this.channels = channelCommandHandler(store);
  }

  async execute(command: ChannelCommand, origin: CommandOrigin): Promise<ChannelView> {
    // Over REST an unknown channel is a missing resource (404), not a refused transition.
    if (command.type !== 'RegisterChannel') await this.directory.require(command.channelId);
    await this.requireKnownCalendar(command);
    const streamId = channelStreamId(command.channelId);
    const handled = await this.channels.handle(command, { now: this.clock.now() }, { origin });
    this.directory.remember(streamId, handled.events, handled.version);
    // The channel exactly as this request left it, even if another change follows at once.
    const after = handled.events.reduce(channelDecider.evolve, handled.state);
    if (after.status === 'unregistered')
      throw new Error(`channel ${command.channelId} is not registered after ${command.type}`);
    return channelViewOf(after, handled.version);
  }

  /**
   * Service hours must follow a calendar that exists (ValidationFailed naming `calendarId`);
   * a malformed id is left to the decider, which says what form it should have.
   */
  private async requireKnownCalendar(command: ChannelCommand): Promise<void> {
    const calendarId =
      command.type === 'RegisterChannel'
        ? command.calendarId
        : command.type === 'ChangeChannel'
          ? command.changes.calendarId
          : undefined;
    if (calendarId !== undefined && CALENDAR_ID_PATTERN.test(calendarId))
      await this.calendars.require(calendarId);
  }
}
