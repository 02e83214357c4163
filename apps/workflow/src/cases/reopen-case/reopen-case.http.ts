import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, CurrentPrincipal, originOf, uuidParam, type Principal } from '@collab/service-kit';
import { CaseCommands } from '../case-commands';
import { requireCaseRole } from '../case-permissions';
import type { CaseDetails } from '../get-case/get-case.query';
import { ReopenCaseRequest } from './reopen-case.request';

@ApiTags('cases')
@ApiBearerAuth()
@Allow('requester')
@Controller('api/v1/cases')
export class ReopenCaseHttp {
  constructor(private readonly cases: CaseCommands) {}

  /** A resolved case, or a closed one within the reopen window, goes back to its last owner. */
  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The case as it now is: assigned to its last owner again.' })
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
    return this.cases.execute(
      { type: 'ReopenCase', caseId: id, actor: origin.actor, reason: body.reason },
      principal,
      origin,
    );
  }
}
