import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Answers, CurrentPrincipal, Roles, type Principal } from '@collab/service-kit';
import { UnattendedQueues, type UnattendedQueuesAnswer } from './unattended-queues';
import { unattendedQueuesSchema } from '../../workflow.answers';

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
      'Each queue with waiting cases and no active agent: its unit (null when the directory has no such queue), how many wait, since when, and the case ids longest-waiting first (at most 50); `waitingCases` totals them.',
  })
  @ApiForbiddenResponse({ description: 'The caller is not a supervisor or admin.' })
  read(@CurrentPrincipal() principal: Principal): Promise<UnattendedQueuesAnswer> {
    return this.unattended.of(principal);
  }
}
