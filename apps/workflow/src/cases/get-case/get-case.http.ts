import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, uuidParam, type Principal } from '@collab/service-kit';
import { GetCase, type CaseDetails } from './get-case.query';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class GetCaseHttp {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @ApiOkResponse({ description: 'The case, if the caller may see it.' })
  get(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal): Promise<CaseDetails> {
    return this.queries.execute(new GetCase(id, principal));
  }
}
