import { Controller, Get, Query } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Answers, Allow, CurrentPrincipal, pageQueryShape, type Principal } from '@collab/service-kit';
import { Workbench, type WorkbenchAnswer } from './workbench';
import { workbenchSchema } from '../../workflow.answers';

class ReadWorkbenchQuery extends createZodDto(z.strictObject(pageQueryShape)) {}

@ApiTags('workbench')
@ApiBearerAuth()
@Allow('staff', 'partner-staff')
@Controller('api/v1/workbench')
export class ReadWorkbenchHttp {
  constructor(private readonly workbench: Workbench) {}

  /** The caller's work — own cases, cases waiting in their unit's queues, tasks addressed to their unit or partner — most at risk first. */
  @Answers(workbenchSchema)
  @Get()
  @ApiOkResponse({ description: 'A page of work items sorted by SLA risk, each with its countdown; `counts` cover the whole desk.' })
  @ApiForbiddenResponse({ description: 'The caller is not staff of the enterprise or a partner (an unknown role grants nothing).' })
  read(@Query() query: ReadWorkbenchQuery, @CurrentPrincipal() principal: Principal): Promise<WorkbenchAnswer> {
    return this.workbench.of(principal, query);
  }
}
