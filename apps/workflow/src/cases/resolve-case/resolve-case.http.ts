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
import { ResolveCaseRequest } from './resolve-case.request';
import { caseDetailsSchema } from '../case.answers';

@ApiTags('cases')
@ApiBearerAuth()
@Allow('staff')
@Controller('api/v1/cases')
export class ResolveCaseHttp {
  constructor(private readonly cases: CaseCommands) {}

  /** The owner resolves the case with a resolution code and the knowledge used; the requester confirms next. */
  @Answers(caseDetailsSchema)
  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The case as it now is: resolved.' })
  @ApiForbiddenResponse({ description: 'Neither the owner nor a supervisor.' })
  @ApiNotFoundResponse({ description: 'No such case, or not one the caller may see.' })
  @ApiConflictResponse({ description: 'The case is not in progress, or collaboration tasks are still open.' })
  async resolve(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ResolveCaseRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<CaseDetails> {
    const { state } = await this.cases.load(id, principal);
    requireCaseRole(principal, state, ['manager', 'owner'], 'resolve the case');
    const origin = originOf(principal, correlationId);
    const { resolutionCode, knowledgeArticleIds, note } = body;
    return this.cases.execute(
      { type: 'ResolveCase', caseId: id, resolutionCode, knowledgeArticleIds, note, actor: origin.actor },
      principal,
      origin,
    );
  }
}
