import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { addBusinessTime } from '@collab/business-calendar';
import { ValidationFailed } from '@collab/domain-kernel';
import type {
  CaseProcessStarted,
  CollaborationRequest,
  ProcessStage,
  PublishedProcess,
} from '@collab/workflow-domain';
import {
  BUSINESS_CALENDARS,
  ORG_LOOKUP,
  PROCESS_CATALOGUE,
  type BusinessCalendars,
  type OrgLookup,
  type OrgParty,
  type ProcessCatalogue,
} from '../../workflow.ports';
import type { LoadedCase } from '../case-commands';

/** What the caller asks: whom, why, and (for a chain) which task of theirs needs the help. */
export interface CollaborationAsk {
  readonly to: { readonly kind: 'UNIT' | 'PARTNER'; readonly id: string };
  readonly reason: string;
  readonly parentTaskId: string | null;
}

/** The request, and the regions its target serves (for the case decider's region rule). */
export interface PlannedCollaboration {
  readonly request: CollaborationRequest;
  readonly targetRegions: readonly string[];
}

/**
 * Turns an ask into a complete CollaborationRequest: the target from the org directory, the task's
 * own SLA from the stage of the case's process version that serves the target's unit type (OLA for
 * a department, underpinning contract for a partner), and the due times counted in business time
 * on that stage's calendar from now. The case decider then checks it against the case.
 */
@Injectable()
export class CollaborationPlanner {
  constructor(
    @Inject(ORG_LOOKUP) private readonly org: OrgLookup,
    @Inject(PROCESS_CATALOGUE) private readonly processes: ProcessCatalogue,
    @Inject(BUSINESS_CALENDARS) private readonly calendars: BusinessCalendars,
  ) {}

  async plan(theCase: LoadedCase, ask: CollaborationAsk, now: Date): Promise<PlannedCollaboration> {
    const target = await this.targetOf(ask.to);
    return { request: await this.requestTo(target, theCase, ask, now), targetRegions: target.regions ?? [target.region] };
  }

  private async requestTo(target: OrgParty, theCase: LoadedCase, ask: CollaborationAsk, now: Date): Promise<CollaborationRequest> {
    const stage = await this.stageFor(theCase, target);
    const calendar = await this.calendars.calendar(stage.sla.calendarId);
    if (!calendar)
      throw new Error(`calendar ${stage.sla.calendarId} of stage ${stage.id} is not known to workflow`);
    return {
      taskId: randomUUID(),
      parentTaskId: ask.parentTaskId,
      to: { kind: target.kind, id: target.id, region: target.region },
      reason: ask.reason,
      sla: {
        calendarId: stage.sla.calendarId,
        acceptWithinBusinessMinutes: stage.sla.responseWithinBusinessMinutes,
        completeWithinBusinessMinutes: stage.sla.resolutionWithinBusinessMinutes,
      },
      acceptDueAt: addBusinessTime(calendar, now, stage.sla.responseWithinBusinessMinutes).toISOString(),
      completeDueAt: addBusinessTime(calendar, now, stage.sla.resolutionWithinBusinessMinutes).toISOString(),
    };
  }

  private async targetOf(to: CollaborationAsk['to']): Promise<OrgParty> {
    const target = await this.org.party(to.id);
    if (!target)
      throw new ValidationFailed([
        { field: 'to.id', message: `${to.id} is not a unit or partner of the org directory` },
      ]);
    if (target.kind !== to.kind)
      throw new ValidationFailed([
        { field: 'to.kind', message: `${to.id} is a ${target.kind}, not a ${to.kind}` },
      ]);
    return target;
  }

  private async stageFor(theCase: LoadedCase, target: OrgParty): Promise<ProcessStage> {
    const process = await this.processOf(theCase);
    const stage = process.stages.find((candidate) => candidate.unitType === target.unitType);
    if (!stage)
      throw new ValidationFailed([
        {
          field: 'to.id',
          message: `process ${process.processId} v${process.version} of this case has no ${target.unitType} stage, so no SLA for a task to ${target.id}`,
        },
      ]);
    return stage;
  }

  /** The version the case started on; a case routed before process definitions gets today's match. */
  private async processOf({ state, events }: LoadedCase): Promise<PublishedProcess> {
    const started = events.find((event) => event.type === 'CaseProcessStarted');
    if (started) {
      const { processId, processVersion } = started.data as CaseProcessStarted['data'];
      const version = await this.processes.version(processId, processVersion);
      if (version) return version;
    }
    return this.processes.processFor(state.summary);
  }
}
