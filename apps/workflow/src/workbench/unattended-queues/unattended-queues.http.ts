import { Controller, Get, Query } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Answers, CurrentPrincipal, Roles, pageQueryShape, type Principal } from '@collab/service-kit';
import { UnattendedQueues, type UnattendedQueuesAnswer } from './unattended-queues';
import { unattendedQueuesSchema } from '../../workflow.answers';

class UnattendedQueuesQuery extends createZodDto(z.strictObject(pageQueryShape)) {}

@ApiTags('workbench')
@ApiBearerAuth()
@Controller('api/v1/workbench')
export class UnattendedQueuesHttp {
  constructor(private readonly unattended: UnattendedQueues) {}

  /**
   * Cases waiting in queues that no active agent works, so nobody will be given them: a
   * supervisor sees their unit's queues, an administrator (or a supervisor over no unit) every
   * queue, including queues the directory does not have.
   */
  @Answers(unattendedQueuesSchema)
  @Get('unattended-queues')
  @Roles('supervisor', 'admin')
  @ApiOkResponse({
    description:
      'Each queue with waiting cases and no active agent: its unit (null when the directory has no such queue), how many wait, since when, and the case ids longest-waiting first (at most 50), a page at a time; `waitingCases` totals them over every page.',
  })
  @ApiForbiddenResponse({ description: 'The caller is not a supervisor or admin.' })
  read(@Query() query: UnattendedQueuesQuery, @CurrentPrincipal() principal: Principal): Promise<UnattendedQueuesAnswer> {
    return this.unattended.of(principal, query);
  }
}
