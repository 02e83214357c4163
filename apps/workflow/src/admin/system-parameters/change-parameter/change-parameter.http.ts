import { Body, Controller, Headers, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow, Answers, CurrentPrincipal, originOf, type Principal } from '@collab/service-kit';
import { SYSTEM_PARAMETER_NAMES, type SystemParameterName } from '@collab/workflow-domain';
import { SystemParameterBook } from '../system-parameter-book';
import { SystemParameterNameParam } from '../system-parameter-name.param';
import { answerOf, systemParameterSchema, type SystemParameterAnswer } from '../system-parameters.answers';
import { ChangeParameterRequest } from './change-parameter.request';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/parameters')
export class ChangeParameterHttp {
  constructor(private readonly book: SystemParameterBook) {}

  /**
   * Changes a system parameter (系统参数) within its range. Decisions made from now on use the new
   * value: a contact's join window, a reopening's window, a hand-off's ping-pong limit, the quiet
   * period of a case resolved from now on. The change is an event with its actor and reason (audited).
   */
  @Answers(systemParameterSchema, { problems: [409] })
  @Put(':name')
  @Allow('admin')
  @ApiParam({ name: 'name', enum: SYSTEM_PARAMETER_NAMES, description: 'The system parameter to change.' })
  @ApiOkResponse({ description: 'The parameter with the value now in force and its new version.' })
  @ApiBadRequestResponse({ description: "The value is outside the parameter's range, or a field is malformed; each is named." })
  @ApiNotFoundResponse({ description: 'No parameter has this name.' })
  @ApiConflictResponse({ description: "expectedVersion is not the parameter's version: another change came first." })
  async change(
    @Param('name', SystemParameterNameParam) name: SystemParameterName,
    @Body() body: ChangeParameterRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<SystemParameterAnswer> {
    const origin = originOf(principal, correlationId);
    const command = { type: 'ChangeSystemParameter', name, value: body.value, expectedVersion: body.expectedVersion, actor: origin.actor, reason: body.reason ?? null } as const;
    return answerOf(await this.book.change(command, origin));
  }
}
