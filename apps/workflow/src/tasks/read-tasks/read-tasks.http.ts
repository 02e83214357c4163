import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Answers, Allow, CurrentPrincipal, uuidParam, type Principal } from '@collab/service-kit';
import { TaskBoard, type TaskPage } from '../task-view/task-board';
import { ReadTasksQuery } from './read-tasks.request';
import { taskDetailsSchema, taskPageSchema, type TaskDetails } from '../task.answers';

@ApiTags('tasks')
@ApiBearerAuth()
@Allow('staff', 'partner-staff', 'auditor')
@Controller('api/v1/tasks')
export class ReadTasksHttp {
  constructor(private readonly board: TaskBoard) {}

  /**
   * The collaboration tasks the caller may read, newest first: the task scope policy (their unit's
   * or partner's, what lies under their unit, all for auditors), optionally of one case.
   */
  @Answers(taskPageSchema)
  @Get()
  @ApiOkResponse({ description: 'A page of tasks, newest first; `page.next` is the `after` of the next page, null on the last.' })
  list(@Query() query: ReadTasksQuery, @CurrentPrincipal() principal: Principal): Promise<TaskPage> {
    return this.board.list(principal, {
      limit: query.limit,
      after: query.after,
      ...(query.status === undefined ? {} : { status: query.status }),
      ...(query.caseId === undefined ? {} : { caseId: query.caseId }),
    });
  }

  @Answers(taskDetailsSchema)
  @Get(':id')
  @ApiOkResponse({ description: 'The task, if the task scope policy lets the caller read it.' })
  @ApiNotFoundResponse({ description: 'No such task, or not one the caller may see.' })
  get(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TaskDetails> {
    return this.board.one(id, principal);
  }
}
