import { Inject, Injectable } from '@nestjs/common';
import { coverageOf, type BusinessCalendar, type CalendarCoverage } from '@collab/business-calendar';
import type { Priority } from '@collab/intake-domain';
import { caseStartFor, frontLineDueTimes, type ProcessFacts } from '@collab/workflow-domain';
import { CALENDAR_LOOKUP, type CalendarLookup } from '../intake.ports';
import { WorkflowProcessCatalogue } from './workflow-processes/workflow-process-catalogue';

export interface PromiseRequest {
  /** What chooses the case's process: request type, category and audience. */
  readonly facts: ProcessFacts;
  readonly priority: Priority;
  readonly receivedAt: Date;
}

export interface ServicePromise {
  /** The calendar of the front-line stage of the case's process. */
  readonly calendar: BusinessCalendar;
  readonly firstResponseBy: string;
  readonly resolveBy: string;
  /** Whether the times were counted within the calendar's announced holidays, or partly past them. */
  readonly coverage: CalendarCoverage;
}

/**
 * The promise at acknowledgement is the case's process, not a rule of intake's (ADR 0012): the
 * process version workflow will start the case on, chosen by the same function among workflow's
 * catalogue as intake learned it from workflow's events, and that version's front-line SLA counted
 * by the same function on the stage's calendar from the moment the case opens. Workflow's first SLA
 * clocks are then due exactly when the requester was told.
 *
 * Before intake has heard of any version (a new installation's first moments, or workflow not yet
 * started), the catalogue is empty and caseStartFor answers as it does for workflow on an empty
 * catalogue: the built-in default process, which is exactly what workflow seeds as version 1.
 */
@Injectable()
export class ServicePromises {
  constructor(
    @Inject(WorkflowProcessCatalogue) private readonly catalogue: Pick<WorkflowProcessCatalogue, 'entries'>,
    @Inject(CALENDAR_LOOKUP) private readonly calendars: CalendarLookup,
  ) {}

  async promise(request: PromiseRequest): Promise<ServicePromise> {
    const { published, stage } = caseStartFor(request.facts, await this.catalogue.entries());
    const calendar = await this.calendars.require(stage.sla.calendarId).catch((error: unknown) => {
      // Workflow learns calendars from intake, so its clocks cannot count on this one either.
      throw new Error(`process ${published.processId} v${published.version} counts on calendar ${stage.sla.calendarId}, which intake does not have`, { cause: error });
    });
    const due = frontLineDueTimes(stage, calendar, request.receivedAt, request.priority);
    const coverage = coverageOf(calendar, [new Date(due.responseDueAt), new Date(due.resolutionDueAt)]);
    return { calendar, firstResponseBy: due.responseDueAt, resolveBy: due.resolutionDueAt, coverage };
  }
}
