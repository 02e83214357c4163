import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { CollabEvent } from '@collab/contracts';
import {
  EVENT_CONSUMER,
  ProcessedEvents,
  type EventConsumerPort,
  type RunningConsumer,
} from '@collab/messaging';
import { DATABASE, type Database } from '@collab/service-kit';
import { KnownCalendars } from '../known-calendars';
import { CALENDAR_EVENT_TYPES, changedAtOf, type CalendarChangedV1 } from './calendar-events.v1';

const CONSUMER = 'workflow.business-calendars';

/**
 * Keeps workflow.business_calendar equal to intake's calendars, from CalendarDefined and
 * CalendarRevised. SLA clocks count on what is here when they are computed; a revision moves only
 * the clocks computed after it, because a computed due time is recorded in an event.
 */
@Injectable()
export class IntakeCalendarsConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly inbox = new ProcessedEvents({ schema: 'workflow' });
  private consumer?: RunningConsumer;

  constructor(
    @Inject(EVENT_CONSUMER) private readonly events: EventConsumerPort,
    @Inject(DATABASE) private readonly database: Database,
    private readonly calendars: KnownCalendars,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.events.consume({
      consumerName: CONSUMER,
      source: 'intake',
      handle: (event) => this.on(event),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }

  async on(event: CollabEvent): Promise<void> {
    if (!CALENDAR_EVENT_TYPES.has(event.type)) return;
    const data = event.data as unknown as CalendarChangedV1;
    await this.inbox.runOnce(
      this.database.pool,
      { consumerName: CONSUMER, eventId: event.id },
      async (tx) => {
        await tx.query(
          `insert into workflow.business_calendar (id, definition, version, changed_at) values ($1, $2::jsonb, $3, $4)
         on conflict (id) do update set definition = excluded.definition, version = excluded.version, changed_at = excluded.changed_at
         where workflow.business_calendar.version < excluded.version`,
          [
            data.calendar.id,
            JSON.stringify(data.calendar),
            event.streamversion,
            changedAtOf(data, event.time),
          ],
        );
      },
    );
  }
}
