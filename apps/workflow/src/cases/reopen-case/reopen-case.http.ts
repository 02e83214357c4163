import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
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
import { ReopenCaseRequest } from './reopen-case.request';
import { caseDetailsSchema } from '../case.answers';

@ApiTags('cases')
@ApiBearerAuth()
@Allow('requester')
@Controller('api/v1/cases')
export class ReopenCaseHttp {
  constructor(
    private readonly cases: CaseCommands,
    private readonly agents: QueueAgents,
  ) {}

  /**
   * A resolved case, or a closed one within the reopen window, goes back to its last owner when
   * they have room; otherwise it waits in its queue for an agent with room (never beyond capacity).
   */
  @Answers(caseDetailsSchema)
  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOkResponse({
    description:
      'The case as it now is: assigned to its last owner again, or waiting in its queue (assignee null) when they have no room.',
  })
  @ApiForbiddenResponse({ description: 'Neither the requester nor internal staff.' })
  @ApiNotFoundResponse({ description: 'No such case, or not one the caller may see.' })
  @ApiConflictResponse({
    description: 'The case is not resolved or closed, or the reopen window has passed.',
  })
  async reopen(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ReopenCaseRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<CaseDetails> {
    const { state } = await this.cases.load(id, principal);
    requireCaseRole(principal, state, ['requester', 'staff'], 'reopen the case');
    const origin = originOf(principal, correlationId);
    const owner = 'ownerId' in state ? await this.agents.loadOf(state.desk.queue, state.ownerId) : null;
    const ownerLoad = owner && { load: owner.load, capacity: owner.capacity };
    return this.cases.execute(
      { type: 'ReopenCase', caseId: id, ownerLoad, actor: origin.actor, reason: body.reason },
      principal,
      origin,
    );
  }
}
