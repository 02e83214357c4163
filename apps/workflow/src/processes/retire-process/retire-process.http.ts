import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Answers, CurrentPrincipal, Roles, originOf, type Principal } from '@collab/service-kit';
import { ProcessCommands } from '../process-commands';
import type { ProcessDetails } from '../process-details';
import { ProcessIdParam } from '../process-id.param';
import { RetireProcessRequest } from './retire-process.request';
import { processDetailsSchema } from '../../workflow.answers';

@ApiTags('processes')
@ApiBearerAuth()
@Controller('api/v1/processes')
export class RetireProcessHttp {
  constructor(private readonly commands: ProcessCommands) {}

  /** New cases no longer start on the process; cases that started on it keep their version. */
  @Answers(processDetailsSchema)
  @Post(':id/retire')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ description: 'The process, retired.' })
  @ApiForbiddenResponse({ description: 'The caller is not an admin.' })
  @ApiNotFoundResponse({ description: 'No process has this id.' })
  @ApiConflictResponse({ description: 'The process is already retired, or it is the default process.' })
  retire(
    @Param('id', ProcessIdParam) id: string,
    @Body() body: RetireProcessRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ProcessDetails> {
    const origin = originOf(principal, correlationId);
    return this.commands.execute(
      { type: 'RetireProcess', processId: id, actor: origin.actor, reason: body.reason },
      origin,
    );
  }
}
