import { NotYetKnown } from '@collab/following';
import { Inject, Injectable } from '@nestjs/common';
import { addBusinessTime } from '@collab/business-calendar';
import {
  frontLineStageOf,
  type CaseProcessStart,
  type CaseSummary,
  type RoutingFacts,
} from '@collab/workflow-domain';
import {
  BUSINESS_CALENDARS,
  PROCESS_CATALOGUE,
  type BusinessCalendars,
  type ProcessCatalogue,
} from '../../workflow.ports';

/** A calendar workflow has not learned yet: thrown so the delivery is retried once intake's event has arrived. */
export class CalendarNotKnownYet extends NotYetKnown {
  override readonly name = 'CalendarNotKnownYet';
  constructor(readonly calendarId: string) {
    super(`calendar ${calendarId} is not known to workflow yet`);
  }
}

/**
 * The process version a new case starts on, and its first due times: business time on the front
 * line stage's calendar, counted from when the case was opened (not when workflow routed it), with
 * the case's priority for on-call hours. Counted here, once: the event records them, so a later
 * revision of the calendar moves only clocks computed after it.
 */
@Injectable()
export class CaseProcessStarts {
  constructor(
    @Inject(PROCESS_CATALOGUE) private readonly catalogue: ProcessCatalogue,
    @Inject(BUSINESS_CALENDARS) private readonly calendars: BusinessCalendars,
  ) {}

  async for(facts: RoutingFacts & Pick<CaseSummary, 'openedAt'>): Promise<CaseProcessStart> {
    const published = await this.catalogue.processFor(facts);
    const stage = frontLineStageOf(published);
    // Publication refuses a version without one, so this is a corrupt store, not a business case.
    if (!stage)
      throw new Error(`process ${published.processId} v${published.version} has no FRONT_LINE stage`);
    const calendar = await this.calendars.calendar(stage.sla.calendarId);
    if (!calendar) throw new CalendarNotKnownYet(stage.sla.calendarId);
    const openedAt = new Date(facts.openedAt);
    const dueAfter = (minutes: number) =>
      addBusinessTime(calendar, openedAt, minutes, { priority: facts.priority }).toISOString();
    return {
      published,
      responseDueAt: dueAfter(stage.sla.responseWithinBusinessMinutes),
      resolutionDueAt: dueAfter(stage.sla.resolutionWithinBusinessMinutes),
    };
  }
}
