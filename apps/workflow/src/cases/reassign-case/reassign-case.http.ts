import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Answers, Allow, CurrentPrincipal, originOf, uuidParam, type Principal } from '@collab/service-kit';
import { QueueAgents } from '../assign-case/queue-agents';
import { CaseCommands } from '../case-commands';
import { requireCaseRole } from '../case-permissions';
import type { CaseDetails } from '../get-case/get-case.query';
import { ReassignCaseRequest } from './reassign-case.request';
import { caseDetailsSchema } from '../case.answers';

@ApiTags('cases')
@ApiBearerAuth()
@Allow('staff')
@Controller('api/v1/cases')
export class ReassignCaseHttp {
  constructor(
    private readonly cases: CaseCommands,
    private readonly agents: QueueAgents,
  ) {}

  /**
   * Another agent of the same queue becomes the owner: a supervisor decides, or the owner hands it
   * on. Beyond the new owner's capacity only by a supervisor with `overrideCapacity: true`.
   */
  @Answers(caseDetailsSchema)
  @Post(':id/reassign')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The case as it now is, with its new owner.' })
  @ApiBadRequestResponse({
    description: 'Invalid fields, the agent does not work the queue, or already owns the case.',
  })
  @ApiForbiddenResponse({
    description: 'Neither a supervisor nor the owner, or overrideCapacity from someone not a supervisor.',
  })
  @ApiNotFoundResponse({ description: 'No such case, or not one the caller may see.' })
  @ApiConflictResponse({
    description:
      'The case has no owner or is no longer being worked, or the new owner has no room and overrideCapacity was not given.',
  })
  async reassign(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ReassignCaseRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<CaseDetails> {
    const { state } = await this.cases.load(id, principal);
    requireCaseRole(principal, state, ['manager', 'owner'], 'reassign the case');
    // Going beyond capacity is a supervisor's decision; an owner handing a case on cannot make it.
    if (body.overrideCapacity) requireCaseRole(principal, state, ['manager'], 'go beyond an agent’s capacity');
    const agent = await this.agents.requireAgentOf(state.desk.queue, body.toAgentId, 'toAgentId');
    const origin = originOf(principal, correlationId);
    return this.cases.execute(
      {
        type: 'ReassignCase',
        caseId: id,
        toAgentId: body.toAgentId,
        agentLoad: { load: agent.load, capacity: agent.capacity },
        overrideCapacity: body.overrideCapacity,
        actor: origin.actor,
        reason: body.reason,
      },
      principal,
      origin,
    );
  }
}
