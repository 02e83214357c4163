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
import { Answers, CurrentPrincipal, Roles, originOf, uuidParam, type Principal } from '@collab/service-kit';
import { CaseCommands } from '../case-commands';
import { requireCaseRole } from '../case-permissions';
import type { CaseDetails } from '../get-case/get-case.query';
import { AssignCaseRequest } from './assign-case.request';
import { QueueAgents } from './queue-agents';
import { caseDetailsSchema } from '../case.answers';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class AssignCaseHttp {
  constructor(
    private readonly cases: CaseCommands,
    private readonly agents: QueueAgents,
  ) {}

  /**
   * A supervisor gives a case waiting in its queue an owner from that queue's agents; beyond the
   * agent's capacity only with `overrideCapacity: true`, which the event records.
   */
  @Answers(caseDetailsSchema)
  @Post(':id/assign')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiOkResponse({ description: 'The case as it now is: assigned to the agent.' })
  @ApiBadRequestResponse({ description: "Invalid fields, or the agent does not work the case's queue." })
  @ApiForbiddenResponse({ description: 'The caller is not a supervisor or admin.' })
  @ApiNotFoundResponse({ description: 'No such case.' })
  @ApiConflictResponse({
    description:
      'The case is not waiting in a queue (reassign changes an owner), or the agent has no room and overrideCapacity was not given.',
  })
  async assign(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: AssignCaseRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<CaseDetails> {
    const { state } = await this.cases.load(id, principal);
    requireCaseRole(principal, state, ['manager'], 'assign a case');
    const agent = await this.agents.requireAgentOf(state.desk.queue, body.agentId, 'agentId');
    const origin = originOf(principal, correlationId);
    return this.cases.execute(
      {
        type: 'AssignCase',
        caseId: id,
        queue: state.desk.queue,
        agentId: body.agentId,
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
