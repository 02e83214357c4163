import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
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
import { caseDetailsSchema } from '../case.answers';

@ApiTags('cases')
@ApiBearerAuth()
@Allow('requester')
@Controller('api/v1/cases')
export class ConfirmResolutionHttp {
  constructor(private readonly cases: CaseCommands) {}

  /** The third phase: the requester (or staff on their behalf) confirms the resolution, and the case closes. */
  @Answers(caseDetailsSchema)
  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The case as it now is: closed.' })
  @ApiForbiddenResponse({ description: 'Neither the requester nor internal staff.' })
  @ApiNotFoundResponse({ description: 'No such case, or not one the caller may see.' })
  @ApiConflictResponse({ description: 'The case is not resolved.' })
  async confirm(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<CaseDetails> {
    const { state } = await this.cases.load(id, principal);
    requireCaseRole(principal, state, ['requester', 'staff'], 'confirm the resolution');
    const origin = originOf(principal, correlationId);
    return this.cases.execute(
      { type: 'ConfirmResolution', caseId: id, actor: origin.actor },
      principal,
      origin,
    );
  }
}
