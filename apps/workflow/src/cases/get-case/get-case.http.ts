import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Answers, Allow, CurrentPrincipal, uuidParam, type Principal } from '@collab/service-kit';
import { GetCaseRequest } from './get-case.request';
import { GetCase, type CaseDetails } from './get-case.query';
import { caseDetailsSchema } from '../case.answers';

@ApiTags('cases')
@ApiBearerAuth()
@Allow('requester')
@Controller('api/v1/cases')
export class GetCaseHttp {
  constructor(private readonly queries: QueryBus) {}

  @Answers(caseDetailsSchema)
  @Get(':id')
  @ApiOkResponse({
    description:
      'The case, if the caller may see it, with its legs (time each unit held it, in that unit’s business time) and its chain of collaboration tasks. ' +
      'With `asOf` (ISO 8601 with offset) the case as it was then, folded from the events that had happened by that instant.',
  })
  @ApiNotFoundResponse({ description: 'No such case, the caller may not see it, or it had not been opened yet at `asOf`.' })
  get(@Param('id', uuidParam('id')) id: string, @Query() request: GetCaseRequest, @CurrentPrincipal() principal: Principal): Promise<CaseDetails> {
    return this.queries.execute(new GetCase(id, principal, request.asOf === undefined ? undefined : new Date(request.asOf)));
  }
}
