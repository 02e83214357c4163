import { Body, Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Forbidden } from '@collab/domain-kernel';
import { Answers, Allow, CLOCK, CurrentPrincipal, metadataOfOrigin, originOf, uuidParam, type Clock, type Principal } from '@collab/service-kit';
import { ORG_LOOKUP, type OrgLookup } from '../../workflow.ports';
import { CaseCommands, type RoutedCaseState } from '../case-commands';
import { requireCaseRole } from '../case-permissions';
import type { CaseDetails } from '../get-case/get-case.query';
import { CollaborationPlanner } from './collaboration-planner';
import { RequestCollaborationRequest } from './request-collaboration.request';
import { collaborationRequestedSchema } from '../case.answers';

/** The unit that asks: the case's queue, or — in a chain — the unit holding the parent task, which the caller must work for. */
const askingUnit = (principal: Principal, state: RoutedCaseState, parentTaskId: string | null): string => {
  if (parentTaskId === null) {
    requireCaseRole(principal, state, ['manager', 'owner'], 'ask for help on the case');
    return state.desk.queue;
  }
  requireCaseRole(principal, state, ['staff'], 'ask for help on a task of the case');
  const parent =
    state.status === 'collaborating'
      ? state.openTasks.find((task) => task.taskId === parentTaskId)
      : undefined;
  // A parent that is not open is refused by the case decider (409), naming the state.
  if (parent === undefined) return state.desk.queue;
  if (principal.unit !== parent.to.id)
    throw new Forbidden(
      `only staff of ${parent.to.id}, which holds task ${parentTaskId}, ask for help on it`,
    );
  return parent.to.id;
};

@ApiTags('cases')
@ApiBearerAuth()
@Allow('staff')
@Controller('api/v1/cases')
export class RequestCollaborationHttp {
  constructor(
    private readonly cases: CaseCommands,
    private readonly planner: CollaborationPlanner,
    @Inject(ORG_LOOKUP) private readonly org: OrgLookup,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * 流程穿越: the case owner asks a department or partner for help, or the unit holding one of the
   * case's tasks asks another in turn. A collaboration task with its own SLA is opened.
   */
  @Answers(collaborationRequestedSchema)
  @Post(':id/collaborations')
  @HttpCode(201)
  @ApiCreatedResponse({ description: 'The new task id and the case as it now is (collaborating).' })
  @ApiForbiddenResponse({
    description:
      'Neither the owner nor a supervisor; or, for a chain, not staff of the unit holding the parent task.',
  })
  @ApiNotFoundResponse({ description: 'No such case, or not one the caller may see.' })
  @ApiConflictResponse({ description: 'The case is not being worked, or the parent task is not open.' })
  @ApiBadRequestResponse({
    description:
      "Invalid fields; or the asking unit itself is asked, or a partner that does not serve the case's region without regionOverride.",
  })
  async request(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: RequestCollaborationRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<{ taskId: string; case: CaseDetails }> {
    const loaded = await this.cases.load(id, principal);
    const parentTaskId = body.parentTaskId ?? null;
    const fromUnit = askingUnit(principal, loaded.state, parentTaskId);
    const { request, targetRegions } = await this.planner.plan(
      loaded,
      { to: body.to, reason: body.reason, parentTaskId },
      this.clock.now(),
    );
    // The case asks from its queue: the unit owning that queue is the one that must not ask itself.
    const askingUnitId = parentTaskId === null ? ((await this.org.unitOfQueue(fromUnit))?.id ?? fromUnit) : fromUnit;
    const origin = originOf(principal, correlationId);
    const handled = await this.cases.run(
      {
        type: 'RequestCollaboration',
        caseId: id,
        request,
        actor: origin.actor,
        supervisors: await this.org.supervisorsOf([fromUnit, request.to.id]),
        sides: { askingUnitId, targetRegions },
        ...(body.regionOverride === undefined ? {} : { regionOverride: body.regionOverride }),
      },
      { metadata: metadataOfOrigin(origin) },
    );
    return { taskId: request.taskId, case: await this.cases.answer(id, principal, handled.version) };
  }
}
