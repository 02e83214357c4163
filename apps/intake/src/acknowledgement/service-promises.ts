import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { coverageOf, expectedTimes, type CalendarCoverage } from '@collab/business-calendar';
import { serviceLevelFor, type Priority, type RequestType } from '@collab/intake-domain';
import { CALENDAR_LOOKUP, type CalendarLookup } from '../intake.ports';

export interface PromiseRequest {
  readonly calendarId: string;
  readonly requestType: RequestType;
  readonly priority: Priority;
  readonly receivedAt: Date;
}

export interface ServicePromise {
  readonly calendarId: string;
  readonly timeZone: string;
  readonly firstResponseBy: string;
  readonly resolveBy: string;
  /** The calendar day the contact arrived on, `YYYYMMDD` in the calendar's zone (for case numbers). */
  readonly localDay: string;
  /** Whether the times were counted within the calendar's announced holidays, or partly past them. */
  readonly coverage: CalendarCoverage;
}

/**
 * The honest promise at acknowledgement: service-level targets counted in business time on the
 * channel's calendar (hours, breaks, holidays, make-up days; on-call for urgent contacts).
 */
@Injectable()
export class ServicePromises {
  constructor(@Inject(CALENDAR_LOOKUP) private readonly calendars: CalendarLookup) {}

  async promise(request: PromiseRequest): Promise<ServicePromise> {
    const calendar = await this.calendars.require(request.calendarId);
    const level = serviceLevelFor(request.requestType, request.priority);
    const times = expectedTimes(
      calendar,
      { firstResponseMinutes: level.firstResponseMinutes, resolutionMinutes: level.resolutionMinutes },
      request.receivedAt,
      request.priority,
    );
    return {
      calendarId: calendar.id,
      timeZone: calendar.timeZone,
      firstResponseBy: times.firstResponseBy.toISOString(),
      resolveBy: times.resolveBy.toISOString(),
      localDay: DateTime.fromJSDate(request.receivedAt, { zone: calendar.timeZone }).toFormat('yyyyLLdd'),
      coverage: coverageOf(calendar, [times.firstResponseBy, times.resolveBy]),
    };
  }
}
