import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Handled, RecordedEvent } from '@collab/event-store';
import { NotFound, fold } from '@collab/domain-kernel';
import { CLOCK, type Clock, type CommandOrigin, type CommandSource, type Principal } from '@collab/service-kit';
import {
  canSee,
  workflowCaseDecider,
  workflowCaseStreamId,
  type CaseDecisionContext,
  type WorkflowCaseCommand,
  type WorkflowCaseEvent,
  type WorkflowCaseState,
} from '@collab/workflow-domain';
import { CaseCommandHandler } from './case-command-handler';
import { CaseView } from './case-view/case-view.entity';
import { GetCase, type CaseDetails } from './get-case/get-case.query';
import { untilProjected } from './read-your-writes';

/** A case that routing has placed: it has a summary, a desk and (from assignment on) an owner. */
export type RoutedCaseState = Exclude<WorkflowCaseState, { readonly status: 'none' | 'registered' }>;

/** A case as a command sees it before deciding: its state and the events it was folded from. */
export interface LoadedCase {
  readonly state: RoutedCaseState;
  readonly events: readonly RecordedEvent[];
}

/** Where the events of a command come from: a person's request, or a process manager or timer with deterministic ids. */
export type CaseCommandSource = CommandSource<WorkflowCaseEvent>;

/**
 * The one place that runs a command on a case, for people (REST, through `execute`) and for
 * workflow's own processes (routing, assignment, timers, collaboration, through `run`): load it (a
 * case the caller may not see is not found), decide, append with the expected version and the
 * command's origin in the metadata, retry on a concurrency conflict, and answer with the case as
 * it now is.
 */
@Injectable()
export class CaseCommands {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectRepository(CaseView) private readonly views: Repository<CaseView>,
    private readonly queries: QueryBus,
    private readonly cases: CaseCommandHandler,
  ) {}

  /** The case, if it exists and the viewer may see it; NotFound (404) otherwise, so ids leak nothing. */
  async load(caseId: string, viewer: Principal): Promise<LoadedCase> {
    const events = await this.cases.recorded(workflowCaseStreamId(caseId));
    const state = fold(
      workflowCaseDecider,
      events.map((event) => ({ type: event.type, data: event.data }) as WorkflowCaseEvent),
    );
    if (state.status === 'none' || state.status === 'registered') throw new NotFound('case', caseId);
    const { requesterId, requesterPartner } = state.summary;
    if (!canSee(viewer, { requesterId: requesterId ?? null, requesterPartner: requesterPartner ?? null }))
      throw new NotFound('case', caseId);
    return { state, events };
  }

  /** A person's command, answered with the case as this request left it (or later). */
  async execute(
    command: Exclude<WorkflowCaseCommand, { type: 'RegisterAndRouteCase' }>,
    caller: Principal,
    origin: CommandOrigin,
  ): Promise<CaseDetails> {
    const handled = await this.run(command, { origin });
    return this.answer(command.caseId, caller, handled.version);
  }

  /**
   * Any command, for callers that answer for themselves (process managers, timers, the
   * collaboration request); decided now, unless the caller brings the context (a timer's policy).
   */
  run(
    command: WorkflowCaseCommand,
    source: CaseCommandSource,
    context: CaseDecisionContext = { now: this.clock.now() },
  ): Promise<Handled<WorkflowCaseEvent, WorkflowCaseState>> {
    return this.cases.handle(command, context, source);
  }

  /** The case view once it shows `version`: what GET /api/v1/cases/{id} answers. */
  async answer(caseId: string, viewer: Principal, version: number): Promise<CaseDetails> {
    await untilProjected(async () => (await this.views.findOneBy({ id: caseId }))?.version, version);
    return this.queries.execute(new GetCase(caseId, viewer));
  }
}
