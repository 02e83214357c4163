import { Injectable } from '@nestjs/common';
import { CALENDAR_EVENT_TYPES } from '@collab/intake-domain';
import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@collab/event-store';
import type { CalendarEvent } from '@collab/intake-domain';
import { Projection } from '@collab/service-kit';

/**
 * Keeps intake.calendar_view equal to the fold of the calendar streams. Every calendar event
 * carries the whole definition, so applying one is a plain replace; the version guard makes a
 * replayed batch change nothing. Other intake events pass by.
 */
@Injectable()
export class CalendarViewProjection extends Projection {
  readonly name = 'intake.calendar-view';
  readonly log = 'intake';
  readonly handles = CALENDAR_EVENT_TYPES;
  readonly tables = ['intake.calendar_view'];
  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    for (const event of events) {
      const calendarEvent = { type: event.type, data: event.data } as CalendarEvent;
      if (calendarEvent.type !== 'CalendarDefined' && calendarEvent.type !== 'CalendarRevised') continue;
      const { calendar } = calendarEvent.data;
      await tx.query(
        `insert into intake.calendar_view (id, definition, version, changed_at) values ($1, $2::jsonb, $3, $4)
         on conflict (id) do update set definition = excluded.definition, version = excluded.version, changed_at = excluded.changed_at
         where intake.calendar_view.version < excluded.version`,
        [calendar.id, JSON.stringify(calendar), event.streamVersion, event.recordedAt],
      );
    }
  }
}
