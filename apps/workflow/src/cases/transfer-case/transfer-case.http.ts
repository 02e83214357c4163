import { Body, Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ValidationFailed } from '@collab/domain-kernel';
import { Answers, Allow, CurrentPrincipal, originOf, uuidParam, type Principal } from '@collab/service-kit';
import { ORG_LOOKUP, type OrgLookup } from '../../workflow.ports';
import { CaseCommands } from '../case-commands';
import { requireCaseRole } from '../case-permissions';
import type { CaseDetails } from '../get-case/get-case.query';
import { TransferCaseRequest } from './transfer-case.request';
import { caseDetailsSchema } from '../case.answers';

@ApiTags('cases')
@ApiBearerAuth()
@Allow('staff')
@Controller('api/v1/cases')
export class TransferCaseHttp {
  constructor(
    private readonly cases: CaseCommands,
    @Inject(ORG_LOOKUP) private readonly org: OrgLookup,
  ) {}

  /**
   * Moves the case to another queue (of this or another unit), optionally in another region; it
   * waits there for an owner. Bouncing between the same two queues too often raises a ping-pong
   * to the supervisors of both.
   */
  @Answers(caseDetailsSchema)
  @Post(':id/transfer')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The case as it now is, in its new queue without an owner.' })
  @ApiBadRequestResponse({ description: 'Invalid fields, an unknown queue, or the case already sits there.' })
  @ApiForbiddenResponse({
    description: 'Neither a supervisor nor the owner (any staff member moves a case nobody owns).',
  })
  @ApiNotFoundResponse({ description: 'No such case, or not one the caller may see.' })
  @ApiConflictResponse({
    description: 'The case is closed, resolved, cancelled or has open collaboration tasks.',
  })
  async transfer(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: TransferCaseRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<CaseDetails> {
    const { state } = await this.cases.load(id, principal);
    requireCaseRole(
      principal,
      state,
      'ownerId' in state ? ['manager', 'owner'] : ['staff'],
      'transfer the case',
    );
    if (!(await this.org.unitOfQueue(body.queue)))
      throw new ValidationFailed([
        { field: 'queue', message: `${body.queue} is not a queue of the org directory` },
      ]);
    const origin = originOf(principal, correlationId);
    const to = { queue: body.queue, ...(body.region === undefined ? {} : { region: body.region }) };
    const supervisors = await this.org.supervisorsOf([state.desk.queue, body.queue]);
    return this.cases.execute(
      { type: 'TransferCase', caseId: id, to, actor: origin.actor, reason: body.reason, supervisors },
      principal,
      origin,
    );
  }
}
