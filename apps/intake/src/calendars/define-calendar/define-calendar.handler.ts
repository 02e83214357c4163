import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AggregateStreams, type EventStore } from '@collab/event-store';
import {
  calendarDecider,
  calendarStreamId,
  type CalendarCommand,
  type CalendarEvent,
  type CalendarState,
  type DefineCalendar,
} from '@collab/intake-domain';
import type { DecisionContext } from '@collab/domain-kernel';
import { CLOCK, EVENT_STORE, type Clock, type Principal } from '@collab/service-kit';
import { IntakeFolds } from '../../folds/intake-folds';
import { calendarViewOf, type CalendarView } from '../calendar-view/calendar-view';

export interface CalendarDefinedOrRevised {
  readonly calendar: CalendarView;
  /** True when this request defined a calendar that did not exist before. */
  readonly created: boolean;
}

/** Records an administrator's definition of a calendar and answers with the calendar as recorded. */
@Injectable()
export class DefineCalendarHandler {
  private readonly calendars: AggregateStreams<
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
    this.calendars = new AggregateStreams(store, calendarDecider);
  }

  async execute(
    command: DefineCalendar,
    by: Principal,
    correlationId: string = randomUUID(),
  ): Promise<CalendarDefinedOrRevised> {
    const streamId = calendarStreamId(command.calendar.id);
    const handled = await this.calendars.handle(
      streamId,
      command,
      { now: this.clock.now() },
      {
        metadata: {
          correlationId,
          actor: { id: by.subject, kind: by.audience === 'PARTNER' ? 'partner' : 'user' },
        },
        // Deciding again on the fresh state is safe: the decider re-checks the expected version.
        retriesOnConflict: 2,
      },
    );
    this.folds.calendars.remember(streamId, handled.events, handled.version);
    // The calendar exactly as this request left it, even if another revision follows at once.
    const state = handled.events.reduce(calendarDecider.evolve, handled.state);
    const calendar = calendarViewOf(state);
    if (!calendar) throw new Error(`calendar ${command.calendar.id} is not defined after defining it`);
    return { calendar, created: handled.events.some((event) => event.type === 'CalendarDefined') };
  }
}
