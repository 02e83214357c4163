import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Forbidden } from '@collab/domain-kernel';
import { CurrentPrincipal, type Principal } from '@collab/service-kit';
import { Workbench, type WorkbenchAnswer } from './workbench';

@ApiTags('workbench')
@ApiBearerAuth()
@Controller('api/v1/workbench')
export class ReadWorkbenchHttp {
  constructor(private readonly workbench: Workbench) {}

  /** The caller's work — own cases, cases waiting in their unit's queues, tasks addressed to their unit or partner — most at risk first. */
  @Get()
  @ApiOkResponse({ description: 'Work items sorted by SLA risk, each with its countdown.' })
  @ApiForbiddenResponse({ description: 'The caller is a customer, not staff of the enterprise or a partner.' })
  read(@CurrentPrincipal() principal: Principal): Promise<WorkbenchAnswer> {
    if (principal.audience === 'EXTERNAL' || principal.roles.length === 0) throw new Forbidden('the workbench is for staff of the enterprise and its partners');
    return this.workbench.of(principal);
  }
}
