import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { intakeLanguage, readerFor, type CollabEvent } from '@collab/contracts';
import {
  EVENT_CONSUMER,
  ProcessedEvents,
  type EventConsumerPort,
  type RunningConsumer,
} from '@collab/messaging';
import { DATABASE, type Database } from '@collab/service-kit';
import { KnownCalendars } from '../known-calendars';

const CONSUMER = 'workflow.business-calendars';
const intake = readerFor(intakeLanguage, { only: ['CalendarDefined', 'CalendarRevised'] });

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
    const message = intake.read(event);
    if (message?.type !== 'CalendarDefined' && message?.type !== 'CalendarRevised') return;
    // Each carries the whole definition, so the latest one received is the calendar (ADR 0006).
    const { calendar } = message.data;
    const changedAt = message.type === 'CalendarDefined' ? message.data.definedAt : message.data.revisedAt;
    await this.inbox.runOnce(
      this.database.pool,
      { consumerName: CONSUMER, eventId: event.id },
      async (tx) => {
        await tx.query(
          `insert into workflow.business_calendar (id, definition, version, changed_at) values ($1, $2::jsonb, $3, $4)
         on conflict (id) do update set definition = excluded.definition, version = excluded.version, changed_at = excluded.changed_at
         where workflow.business_calendar.version < excluded.version`,
          [calendar.id, JSON.stringify(calendar), event.streamversion, changedAt],
        );
      },
    );
    this.calendars.changed(calendar.id);
  }
}
