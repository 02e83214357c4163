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
import { UrgeTaskRequest } from './urge-task.request';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('api/v1/tasks')
export class UrgeTaskHttp {
  constructor(private readonly commands: TaskCommands) {}

  /** 催办: the asking unit presses for progress; the urge count goes up. */
  @Post(':id/urge')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The task as it now is.' })
  @ApiForbiddenResponse({
    description: 'The caller works for the task but not for the side that may do this.',
  })
  @ApiNotFoundResponse({ description: 'No such task, or not one the caller may see.' })
  @ApiConflictResponse({
    description: "Not allowed in the task's state; the problem names the state and why.",
  })
  urge(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UrgeTaskRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<TaskDetails> {
    return this.commands.execute(
      { type: 'UrgeTask', taskId: id, note: body.note },
      principal,
      originOf(principal, correlationId),
    );
  }
}
