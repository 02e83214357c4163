import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EventStore } from '@collab/event-store';
import {
  calendarDecider,
  calendarStreamId,
  type CalendarCommand,
  type CalendarEvent,
  type CalendarState,
  type DefineCalendar,
} from '@collab/intake-domain';
import type { DecisionContext } from '@collab/domain-kernel';
import { CLOCK, CommandHandler, EVENT_STORE, type Clock, type Principal } from '@collab/service-kit';
import { IntakeFolds } from '../../folds/intake-folds';
import { calendarViewOf, type CalendarView } from '../calendar-view/calendar-view';

export interface CalendarDefinedOrRevised {
  readonly calendar: CalendarView;
  /** True when this request defined a calendar that did not exist before. */
  readonly created: boolean;
}

/** Calendar commands run here, for administrators and the seed alike: the decider re-checks the expected version on every attempt. */
export const calendarCommandHandler = (store: EventStore) =>
  new CommandHandler(store, calendarDecider, { streamOf: (command: CalendarCommand) => calendarStreamId(command.calendar.id), retriesOnConflict: 2 });

/** Records an administrator's definition of a calendar and answers with the calendar as recorded. */
@Injectable()
export class DefineCalendarHandler {
  private readonly calendars: CommandHandler<
    CalendarCommand,
    CalendarEvent,
    CalendarState,
    DecisionContext
  >;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly folds: IntakeFolds,
  ) {
    this.calendars = calendarCommandHandler(store);
  }

  async execute(
    command: DefineCalendar,
    by: Principal,
    correlationId: string = randomUUID(),
  ): Promise<CalendarDefinedOrRevised> {
    const streamId = calendarStreamId(command.calendar.id);
    const actor = { id: by.subject, kind: by.audience === 'PARTNER' ? ('partner' as const) : ('user' as const) };
    const handled = await this.calendars.handle(command, { now: this.clock.now() }, { origin: { correlationId, actor } });
    this.folds.calendars.remember(streamId, handled.events, handled.version);
    // The calendar exactly as this request left it, even if another revision follows at once.
    const state = handled.events.reduce(calendarDecider.evolve, handled.state);
    const calendar = calendarViewOf(state);
    if (!calendar) throw new Error(`calendar ${command.calendar.id} is not defined after defining it`);
    return { calendar, created: handled.events.some((event) => event.type === 'CalendarDefined') };
  }
}
