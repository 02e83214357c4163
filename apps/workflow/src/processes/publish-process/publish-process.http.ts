import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Answers, CurrentPrincipal, Roles, defined, originOf, type Principal } from '@collab/service-kit';
import { ProcessCommands } from '../process-commands';
import type { ProcessDetails } from '../process-details';
import { PublishProcessRequest } from './publish-process.request';
import { processDetailsSchema } from '../../workflow.answers';

@ApiTags('processes')
@ApiBearerAuth()
@Controller('api/v1/processes')
export class PublishProcessHttp {
  constructor(private readonly commands: ProcessCommands) {}

  /**
   * Publishes a new process (expectedVersion 0) or the next version of one, whole. Cases already
   * started keep their version; only cases opened after this start on it.
   */
  @Answers(processDetailsSchema)
  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiCreatedResponse({ description: 'The process with the version just published as its latest.' })
  @ApiBadRequestResponse({
    description: 'The definition is invalid; every invalid field is named. Nothing was stored.',
  })
  @ApiForbiddenResponse({ description: 'The caller is not an admin.' })
  @ApiConflictResponse({
    description:
      'expectedVersion is not the latest version (another was published meanwhile), or the process is retired.',
  })
  publish(
    @Body() body: PublishProcessRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ProcessDetails> {
    const origin = originOf(principal, correlationId);
    const { expectedVersion, reason, ...definition } = defined(body);
    return this.commands.execute(
      {
        type: 'PublishProcessVersion',
        definition,
        expectedVersion,
        actor: origin.actor,
        reason: reason ?? null,
      },
      origin,
    );
  }
}
