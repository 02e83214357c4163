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
import { Allow, CurrentPrincipal, originOf, uuidParam, type Principal } from '@collab/service-kit';
import { QueueAgents } from '../assign-case/queue-agents';
import { CaseCommands } from '../case-commands';
import { requireCaseRole } from '../case-permissions';
import type { CaseDetails } from '../get-case/get-case.query';
import { ReassignCaseRequest } from './reassign-case.request';

@ApiTags('cases')
@ApiBearerAuth()
@Allow('staff')
@Controller('api/v1/cases')
export class ReassignCaseHttp {
  constructor(
    private readonly cases: CaseCommands,
    private readonly agents: QueueAgents,
  ) {}

  /** Another agent of the same queue becomes the owner: a supervisor decides, or the owner hands it on. */
  @Post(':id/reassign')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The case as it now is, with its new owner.' })
  @ApiBadRequestResponse({
    description: 'Invalid fields, the agent does not work the queue, or already owns the case.',
  })
  @ApiForbiddenResponse({ description: 'Neither a supervisor nor the owner.' })
  @ApiNotFoundResponse({ description: 'No such case, or not one the caller may see.' })
  @ApiConflictResponse({ description: 'The case has no owner or is no longer being worked.' })
  async reassign(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ReassignCaseRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<CaseDetails> {
    const { state } = await this.cases.load(id, principal);
    requireCaseRole(principal, state, ['manager', 'owner'], 'reassign the case');
    await this.agents.requireAgentOf(state.desk.queue, body.toAgentId, 'toAgentId');
    const origin = originOf(principal, correlationId);
    return this.cases.execute(
      {
        type: 'ReassignCase',
        caseId: id,
        toAgentId: body.toAgentId,
        actor: origin.actor,
        reason: body.reason,
      },
      principal,
      origin,
    );
  }
}
