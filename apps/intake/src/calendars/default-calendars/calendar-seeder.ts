import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { defaultCalendars, type BusinessCalendar } from '@collab/business-calendar';
import type { EventStore } from '@collab/event-store';
import {
  type CalendarCommand,
  type CalendarEvent,
  type CalendarState,
} from '@collab/intake-domain';
import type { DecisionContext } from '@collab/domain-kernel';
import { CLOCK, EVENT_STORE, seedOnce, type Clock, type CommandHandler } from '@collab/service-kit';
import { calendarCommandHandler } from '../define-calendar/define-calendar.handler';



/**
 * Defines the default calendars (cn-standard, fi-standard, 24x7) before the API listens, so the
 * default channels' calendars exist from the first contact. Idempotent: each is defined only if
 * new (expected version 0), and with deterministic event ids two replicas seeding at once write
 * it once. Never a revision: an administrator's changes to a default calendar survive restarts.
 */
@Injectable()
export class CalendarSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('CalendarSeeder');
  private readonly calendars: CommandHandler<
    CalendarCommand,
    CalendarEvent,
    CalendarState,
    DecisionContext
  >;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.calendars = calendarCommandHandler(store);
  }

  async onApplicationBootstrap(): Promise<void> {
    let seeded = 0;
    for (const calendar of defaultCalendars()) if (await this.seed(calendar)) seeded += 1;
    if (seeded > 0) this.logger.log(`defined ${seeded} default calendars`);
  }

  private seed(calendar: BusinessCalendar): Promise<boolean> {
    // Only ever a definition (expected version 0), never a revision of an administrator's calendar.
    const command = { type: 'DefineCalendar', calendar, expectedVersion: 0 } as const;
    return seedOnce(this.calendars, { command, context: { now: this.clock.now() }, key: `calendar/${calendar.id}`, seededBy: 'intake.seed' });
  }
}
