import { NotYetKnown } from '@collab/following';
import { Inject, Injectable } from '@nestjs/common';
import {
  caseStartFor,
  frontLineDueTimes,
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
 * The process version a new case starts on, and its first due times (caseStartFor and
 * frontLineDueTimes, the rule intake's acknowledgement promises by), counted from when the case
 * was opened (not when workflow routed it). Counted here, once: the event records them, so a later
 * revision of the calendar moves only clocks computed after it.
 */
@Injectable()
export class CaseProcessStarts {
  constructor(
    @Inject(PROCESS_CATALOGUE) private readonly catalogue: ProcessCatalogue,
    @Inject(BUSINESS_CALENDARS) private readonly calendars: BusinessCalendars,
  ) {}

  async for(facts: RoutingFacts & Pick<CaseSummary, 'openedAt'>): Promise<CaseProcessStart> {
    const { published, stage } = caseStartFor(facts, await this.catalogue.entries());
    const calendar = await this.calendars.calendar(stage.sla.calendarId);
    if (!calendar) throw new CalendarNotKnownYet(stage.sla.calendarId);
    return { published, ...frontLineDueTimes(stage, calendar, new Date(facts.openedAt), facts.priority) };
  }
}
