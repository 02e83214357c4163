import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
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

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('api/v1/tasks')
export class AcceptTaskHttp {
  constructor(private readonly commands: TaskCommands) {}

  /** The target takes the task on; its completion clock keeps running from the request. */
  @Post(':id/accept')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The task as it now is.' })
  @ApiForbiddenResponse({ description: 'The caller works for the asking unit, not for the target.' })
  @ApiNotFoundResponse({ description: 'No such task, or not one the caller may see.' })
  @ApiConflictResponse({
    description: "Not allowed in the task's state; the problem names the state and why.",
  })
  accept(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<TaskDetails> {
    return this.commands.execute(
      { type: 'AcceptTask', taskId: id },
      principal,
      originOf(principal, correlationId),
    );
  }
}
