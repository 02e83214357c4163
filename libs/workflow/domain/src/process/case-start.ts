import { addBusinessTime, type BusinessCalendar } from '@collab/business-calendar';
import type { ProcessStage, PublishedProcess } from './process-definition';
import { frontLineStageOf, processFor, type CatalogueEntry, type ProcessFacts } from './process-selection';

/** Where a new case starts: the process version its facts call for, and that version's front-line stage. */
export interface CaseStart {
  readonly published: PublishedProcess;
  readonly stage: ProcessStage;
}

/** When the front line owes the first response and the resolution. */
export interface CaseDueTimes {
  readonly responseDueAt: string;
  readonly resolutionDueAt: string;
}

/**
 * The version and stage a case with these facts starts on, given the catalogue as it is known.
 * Workflow uses it to start the case; intake uses it, on its copy of workflow's catalogue, to tell
 * the requester at acknowledgement what the case's process will hold the organisation to.
 */
export const caseStartFor = (facts: ProcessFacts, catalogue: readonly CatalogueEntry[]): CaseStart => {
  const published = processFor(facts, catalogue);
  const stage = frontLineStageOf(published);
  // Publication refuses a version without one, so this is a corrupt store, not a business case.
  if (!stage) throw new Error(`process ${published.processId} v${published.version} has no FRONT_LINE stage`);
  return { published, stage };
};

/**
 * The front line's due times: the stage's SLA in business time on its calendar, counted from when
 * the case was opened, with the case's priority for on-call hours. The one rule for both the
 * acknowledgement's promise (intake) and the case's first SLA clocks (workflow).
 */
export const frontLineDueTimes = (
  stage: ProcessStage,
  calendar: BusinessCalendar,
  openedAt: Date,
  priority: string,
): CaseDueTimes => {
  const dueAfter = (minutes: number) => addBusinessTime(calendar, openedAt, minutes, { priority }).toISOString();
  return {
    responseDueAt: dueAfter(stage.sla.responseWithinBusinessMinutes),
    resolutionDueAt: dueAfter(stage.sla.resolutionWithinBusinessMinutes),
  };
};
