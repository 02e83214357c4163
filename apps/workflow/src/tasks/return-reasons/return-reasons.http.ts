import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Answers, Allow, CurrentPrincipal, Roles, ValidationFailed, originOf, pageOf, pageQueryShape, type ListPage, type Principal } from '@collab/service-kit';
import type { ReturnReason } from '@collab/workflow-domain';
import { ReturnReasons } from './return-reasons';
import {
  DefineReturnReasonRequest,
  RetireReturnReasonRequest,
  returnReasonCodeSchema,
} from './return-reasons.request';
import { returnReasonListSchema, returnReasonSchema } from '../task.answers';

const codeOf = (code: string): string => {
  if (!returnReasonCodeSchema.safeParse(code).success)
    throw new ValidationFailed([{ field: 'code', message: 'must be UPPER_SNAKE_CASE, 2 to 40 characters' }]);
  return code;
};

const reasonIn = (list: readonly ReturnReason[], code: string): ReturnReason => {
  const found = list.find((reason) => reason.code === code);
  if (!found) throw new Error(`return reason ${code} is missing after its change`);
  return found;
};

class ReadReturnReasonsQuery extends createZodDto(z.strictObject(pageQueryShape)) {}

/** Registered before the task routes, so `return-reasons` is never read as a task id. */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('api/v1/tasks/return-reasons')
export class ReturnReasonsHttp {
  constructor(private readonly reasons: ReturnReasons) {}

  /** The managed list of return reasons (退单原因); retired ones stay listed, inactive, for history. */
  @Answers(returnReasonListSchema)
  @Get()
  @Allow('requester')
  @ApiOkResponse({ description: 'A page of the return reasons, active or retired, by code.' })
  async list(@Query() query: ReadReturnReasonsQuery): Promise<ListPage<ReturnReason>> {
    return pageOf(await this.reasons.current(), query, (reason) => reason.code);
  }

  @Answers(returnReasonSchema)
  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiCreatedResponse({
    description: 'The reason as defined (new, or a retired one revived under these names).',
  })
  @ApiForbiddenResponse({ description: 'The caller is not an admin.' })
  async define(
    @Body() body: DefineReturnReasonRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ReturnReason> {
    const origin = originOf(principal, correlationId);
    const list = await this.reasons.execute(
      { type: 'DefineReturnReason', code: body.code, names: body.names, actor: origin.actor },
      origin,
    );
    return reasonIn(list, body.code);
  }

  @Answers(returnReasonSchema)
  @Post(':code/retire')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ description: 'The reason, now retired: no longer offered for returns.' })
  @ApiNotFoundResponse({ description: 'No reason has this code.' })
  @ApiConflictResponse({ description: 'The reason is retired already.' })
  async retire(
    @Param('code') code: string,
    @Body() body: RetireReturnReasonRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ReturnReason> {
    const origin = originOf(principal, correlationId);
    const list = await this.reasons.execute(
      { type: 'RetireReturnReason', code: codeOf(code), reason: body.reason, actor: origin.actor },
      origin,
    );
    return reasonIn(list, code);
  }
}
