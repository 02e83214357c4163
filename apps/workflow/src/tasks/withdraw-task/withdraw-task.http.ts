import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, originOf, uuidParam, type Principal } from '@collab/service-kit';
import { TaskCommands } from '../task-commands';
import type { TaskDetails } from '../task-view/task-details';
import { WithdrawTaskRequest } from './withdraw-task.request';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('api/v1/tasks')
export class WithdrawTaskHttp {
  constructor(private readonly commands: TaskCommands) {}

  /** The asking unit no longer needs the help. */
  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The task as it now is.' })
  @ApiForbiddenResponse({
    description: 'The caller works for the task but not for the side that may do this.',
  })
  @ApiNotFoundResponse({ description: 'No such task, or not one the caller may see.' })
  @ApiConflictResponse({
    description: "Not allowed in the task's state; the problem names the state and why.",
  })
  withdraw(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: WithdrawTaskRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<TaskDetails> {
    return this.commands.execute(
      { type: 'WithdrawTask', taskId: id, reason: body.reason },
      principal,
      originOf(principal, correlationId),
    );
  }
}
