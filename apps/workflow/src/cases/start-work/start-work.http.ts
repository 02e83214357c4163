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
@Allow('staff')
@Controller('api/v1/cases')
export class StartWorkHttp {
  constructor(private readonly cases: CaseCommands) {}

  /** The owner starts working the case (again, after a reopening). */
  @Answers(caseDetailsSchema)
  @Post(':id/start')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The case as it now is: in progress.' })
  @ApiForbiddenResponse({ description: 'The caller does not own the case.' })
  @ApiNotFoundResponse({ description: 'No such case, or not one the caller may see.' })
  @ApiConflictResponse({ description: 'The case is not assigned to an owner waiting to start.' })
  async start(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<CaseDetails> {
    const { state } = await this.cases.load(id, principal);
    // The decider refuses anyone but the owner (403) once the state allows starting at all (409).
    requireCaseRole(principal, state, ['staff'], 'start work on a case');
    const origin = originOf(principal, correlationId);
    return this.cases.execute({ type: 'StartWork', caseId: id, actor: origin.actor }, principal, origin);
  }
}
