import { Controller, Get, Inject, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Forbidden } from '@collab/domain-kernel';
import { CLOCK, CurrentPrincipal, Roles, uuidParam, type Clock, type Principal } from '@collab/service-kit';
import { STAFF_ROLES } from '@collab/workflow-domain';
import { GetCase } from '../../cases/get-case/get-case.query';
import { SlaClocks, type SlaClockReading } from '../sla-clocks/sla-clocks';

/** GET /api/v1/cases/{id}/sla */
export interface CaseSla {
  readonly caseId: string;
  /** The moment the countdowns count from. */
  readonly asAt: string;
  readonly clocks: readonly SlaClockReading[];
}

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class CaseSlaHttp {
  constructor(
    private readonly queries: QueryBus,
    private readonly clocks: SlaClocks,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The SLA clocks of the case and of each of its collaboration tasks. */
  @Get(':id/sla')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({
    description:
      'Each clock (case:response, case:resolution, case:auto-close, task:<id>:accept, task:<id>:complete) with its due time, warning, breach, ' +
      'escalation level reached, and for a running clock the seconds left until due (negative once overdue).',
  })
  @ApiForbiddenResponse({ description: 'Only internal staff read SLA clocks.' })
  @ApiNotFoundResponse({ description: 'No such case.' })
  async clocksOf(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal): Promise<CaseSla> {
    if (principal.audience !== 'INTERNAL') throw new Forbidden('only internal staff read SLA clocks');
    // The case must exist (and be visible) before its clocks are shown: an unknown id is a 404, not an empty list.
    await this.queries.execute(new GetCase(id, principal));
    const now = this.clock.now();
    return { caseId: id, asAt: now.toISOString(), clocks: await this.clocks.forCases([id], now) };
  }
}
