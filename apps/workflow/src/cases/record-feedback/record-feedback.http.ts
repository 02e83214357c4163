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
import { RecordFeedbackRequest } from './record-feedback.request';
import { caseDetailsSchema } from '../case.answers';

@ApiTags('cases')
@ApiBearerAuth()
@Allow('requester')
@Controller('api/v1/cases')
export class RecordFeedbackHttp {
  constructor(private readonly cases: CaseCommands) {}

  /** The requester rates the resolution (CSAT 1–5) with a comment, once per resolution. */
  @Answers(caseDetailsSchema)
  @Post(':id/feedback')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The case as it now is.' })
  @ApiForbiddenResponse({ description: 'The caller is not the requester: only they rate their case.' })
  @ApiNotFoundResponse({ description: 'No such case, or not one the caller may see.' })
  @ApiConflictResponse({
    description: 'The case is not resolved or closed, or this resolution was rated already.',
  })
  async feedback(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: RecordFeedbackRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<CaseDetails> {
    const { state } = await this.cases.load(id, principal);
    requireCaseRole(principal, state, ['requester'], 'give feedback on the case');
    const origin = originOf(principal, correlationId);
    return this.cases.execute(
      { type: 'RecordFeedback', caseId: id, csat: body.csat, comment: body.comment, actor: origin.actor },
      principal,
      origin,
    );
  }
}
