import { applyDecorators, Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Allow, Answers, CurrentPrincipal, originOf, uuidParam, type Principal } from '@collab/service-kit';
import { AddTaskNoteRequest } from './add-task-note/add-task-note.request';
import { CompleteTaskRequest } from './complete-task/complete-task.request';
import { ReturnTaskRequest } from './return-task/return-task.request';
import { taskDetailsSchema, type TaskDetails } from './task.answers';
import { TaskCommands, type TaskRequest } from './task-commands';
import { UrgeTaskRequest } from './urge-task/urge-task.request';
import { WithdrawTaskRequest } from './withdraw-task/withdraw-task.request';

/** What every party command answers: the task as it now is, or why not. */
const PartyCommand = (path: string, forbidden: string) =>
  applyDecorators(
    Post(`:id/${path}`),
    HttpCode(200),
    ApiOkResponse({ description: 'The task as it now is.' }),
    ApiForbiddenResponse({ description: forbidden }),
    ApiNotFoundResponse({ description: 'No such task, or not one the caller may see.' }),
    ApiConflictResponse({ description: "Not allowed in the task's state; the problem names the state and why." }),
    // Last, so it sees the status and descriptions above.
    Answers(taskDetailsSchema),
  );

const withdrawing = (body: { withdrawOpenChildren?: boolean | undefined }) =>
  body.withdrawOpenChildren === undefined ? {} : { withdrawOpenChildren: body.withdrawOpenChildren };

const WRONG_SIDE = 'The caller works for the task but not for the side that may do this.';

/**
 * The parties' commands on a task over REST, one adapter for all: each route turns its path and
 * body into a TaskRequest, and TaskCommands (the same as gRPC's) loads, checks the caller's side,
 * decides, appends and answers.
 */
@ApiTags('tasks')
@ApiBearerAuth()
@Allow('staff', 'partner-staff')
@Controller('api/v1/tasks')
export class TaskCommandsHttp {
  constructor(private readonly commands: TaskCommands) {}

  /** The target takes the task on; its completion clock keeps running from the request. */
  @PartyCommand('accept', 'The caller works for the asking unit, not for the target.')
  accept(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal, @Headers('x-correlation-id') correlationId?: string): Promise<TaskDetails> {
    return this.act({ type: 'AcceptTask', taskId: id }, principal, correlationId);
  }

  /** Either side adds a note while the task is open: a question, an answer, progress. */
  @PartyCommand('notes', WRONG_SIDE)
  addNote(@Param('id', uuidParam('id')) id: string, @Body() body: AddTaskNoteRequest, @CurrentPrincipal() principal: Principal, @Headers('x-correlation-id') correlationId?: string): Promise<TaskDetails> {
    return this.act({ type: 'AddTaskNote', taskId: id, note: body.note }, principal, correlationId);
  }

  /** The target completes an accepted task with its result; the case records it. */
  @PartyCommand('complete', WRONG_SIDE)
  complete(@Param('id', uuidParam('id')) id: string, @Body() body: CompleteTaskRequest, @CurrentPrincipal() principal: Principal, @Headers('x-correlation-id') correlationId?: string): Promise<TaskDetails> {
    return this.act({ type: 'CompleteTask', taskId: id, result: body.result, ...withdrawing(body) }, principal, correlationId);
  }

  /** 退单: the target hands the task back with a reason code from the managed list and a note. */
  @PartyCommand('return', WRONG_SIDE)
  giveBack(@Param('id', uuidParam('id')) id: string, @Body() body: ReturnTaskRequest, @CurrentPrincipal() principal: Principal, @Headers('x-correlation-id') correlationId?: string): Promise<TaskDetails> {
    return this.act({ type: 'ReturnTask', taskId: id, reasonCode: body.reasonCode, note: body.note, ...withdrawing(body) }, principal, correlationId);
  }

  /** 催办: the asking unit or the case's owner presses for progress, once per interval (429 before); the urge count goes up. */
  @PartyCommand('urge', WRONG_SIDE)
  @ApiTooManyRequestsResponse({ description: 'Urged within the interval already; Retry-After says when it may be urged again.' })
  urge(@Param('id', uuidParam('id')) id: string, @Body() body: UrgeTaskRequest, @CurrentPrincipal() principal: Principal, @Headers('x-correlation-id') correlationId?: string): Promise<TaskDetails> {
    return this.act({ type: 'UrgeTask', taskId: id, note: body.note }, principal, correlationId);
  }

  /** The asking unit no longer needs the help. */
  @PartyCommand('withdraw', WRONG_SIDE)
  withdraw(@Param('id', uuidParam('id')) id: string, @Body() body: WithdrawTaskRequest, @CurrentPrincipal() principal: Principal, @Headers('x-correlation-id') correlationId?: string): Promise<TaskDetails> {
    return this.act({ type: 'WithdrawTask', taskId: id, reason: body.reason }, principal, correlationId);
  }

  private act(request: TaskRequest, principal: Principal, correlationId: string | undefined): Promise<TaskDetails> {
    return this.commands.execute(request, principal, originOf(principal, correlationId));
  }
}
