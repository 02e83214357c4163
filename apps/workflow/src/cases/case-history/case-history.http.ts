import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ValidationFailed } from '@collab/domain-kernel';
import { Answers, Allow, CurrentPrincipal, keyAfter, uuidParam, type Principal } from '@collab/service-kit';
import { CaseHistoryRequest } from './case-history.request';
import { GetCaseHistory, type CaseHistory } from './case-history.query';
import { caseHistorySchema } from '../case.answers';

/** The history's cursor holds a position in workflow's log. */
const positionAfter = (after: string | undefined): bigint => {
  const key = keyAfter(after) ?? '0';
  if (!/^\d{1,19}$/.test(key)) throw new ValidationFailed([{ field: 'after', message: 'must be a cursor from an earlier page' }]);
  return BigInt(key);
};

@ApiTags('cases')
@ApiBearerAuth()
@Allow('requester')
@Controller('api/v1/cases')
export class CaseHistoryHttp {
  constructor(private readonly queries: QueryBus) {}

  /**
   * The audit trail: every event of the case, of each collaboration task it opened and of its SLA
   * clocks, in the order workflow recorded them, each with its actor, time and correlation id.
   */
  @Answers(caseHistorySchema)
  @Get(':id/history')
  @ApiOkResponse({
    description:
      'Events oldest first, `limit` (1–200, default 50) at a time; pass the answer’s `page.next` as `after` for the next page (null on the last). ' +
      'With `asOf` only the events that had happened by then (by `occurredAt`), each stream cut where it stood.',
  })
  @ApiNotFoundResponse({ description: 'No such case, the caller may not see it, or it did not exist yet at `asOf`.' })
  history(@Param('id', uuidParam('id')) id: string, @Query() request: CaseHistoryRequest, @CurrentPrincipal() principal: Principal): Promise<CaseHistory> {
    const page = { after: positionAfter(request.after), limit: request.limit, ...(request.asOf ? { asOf: new Date(request.asOf) } : {}) };
    return this.queries.execute(new GetCaseHistory(id, principal, page));
  }
}
