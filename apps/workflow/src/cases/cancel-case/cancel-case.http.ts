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
import { CaseCommands } from '../case-commands';
import { requireCaseRole } from '../case-permissions';
import type { CaseDetails } from '../get-case/get-case.query';
import { CancelCaseRequest } from './cancel-case.request';
import { caseDetailsSchema } from '../case.answers';

@ApiTags('cases')
@ApiBearerAuth()
@Allow('staff')
@Controller('api/v1/cases')
export class CancelCaseHttp {
  constructor(private readonly cases: CaseCommands) {}

  /** The case ends without a resolution; its open collaboration tasks are withdrawn. */
  @Answers(caseDetailsSchema)
  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The case as it now is: cancelled.' })
  @ApiForbiddenResponse({ description: 'Neither the owner nor a supervisor.' })
  @ApiNotFoundResponse({ description: 'No such case, or not one the caller may see.' })
  @ApiConflictResponse({ description: 'The case is resolved, closed or cancelled already.' })
  async cancel(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: CancelCaseRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<CaseDetails> {
    const { state } = await this.cases.load(id, principal);
    requireCaseRole(principal, state, ['manager', 'owner'], 'cancel the case');
    const origin = originOf(principal, correlationId);
    return this.cases.execute(
      { type: 'CancelCase', caseId: id, actor: origin.actor, reason: body.reason },
      principal,
      origin,
    );
  }
}
